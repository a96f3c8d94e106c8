package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API sheds slow and idle clients: 1,000 half-open connections do not keep health and an
 * authenticated task list from answering within a second; idle connections and connections
 * trickling their headers are closed at the configured timeouts.
 */
@ExtendWith(PostgresExtension.class)
class SlowClientsIT {

    @Test
    void aThousandHalfOpenConnectionsDoNotStopTheApi(StoreHandle store) throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ApiHarness h = new ApiHarness(store, LabNodeConfig.instant(), HttpLimits.defaults())) {
            for (int i = 0; i < 1000; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", h.server.port()), 5_000);
                s.getOutputStream()
                        .write("GET /api/v1.0/tasks HTTP/1.1\r\nHost: x\r\nAuthorization: Bea"
                                .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                held.add(s);
            }
            Thread.sleep(500);
            assertThat(h.server.openConnections()).isGreaterThanOrEqualTo(1000);
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                HttpResponse<Buffer> health = result(h.http.get(h.server.port(), "127.0.0.1", "/api/v1.0/health")
                        .send());
                long healthMs = (System.nanoTime() - t0) / 1_000_000;
                t0 = System.nanoTime();
                HttpResponse<Buffer> tasks = result(h.http.get(h.server.port(), "127.0.0.1", "/api/v1.0/tasks")
                        .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN)
                        .send());
                long tasksMs = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf(
                        "with %d half-open connections: health %d in %d ms, GET /tasks %d in %d ms%n",
                        held.size(), health.statusCode(), healthMs, tasks.statusCode(), tasksMs);
                assertThat(health.statusCode()).isEqualTo(204);
                assertThat(tasks.statusCode()).isEqualTo(200);
                assertThat(healthMs)
                        .as("health under load of 1,000 half-open connections")
                        .isLessThan(1_000);
                assertThat(tasksMs)
                        .as("GET /tasks under load of 1,000 half-open connections")
                        .isLessThan(1_000);
            }
            // The header timeout (10 s by default) closes every one of them.
            long deadline = System.currentTimeMillis() + 20_000;
            while (h.server.openConnections() > 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertThat(h.server.openConnections())
                    .as("connections left after the header timeout")
                    .isLessThanOrEqualTo(2);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void idleConnectionsCloseAtTheIdleTimeout(StoreHandle store) throws Exception {
        try (ApiHarness h = new ApiHarness(
                        store,
                        LabNodeConfig.instant(),
                        HttpLimits.defaults().withIdleSeconds(2).withHeaderSeconds(30));
                Socket s = new Socket("127.0.0.1", h.server.port())) {
            s.getOutputStream().write("GET /versions HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            long t0 = System.nanoTime();
            String answer = readUntilClosed(in);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("idle connection closed after %.2f s (idle_timeout_seconds = 2)%n", seconds);
            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(seconds).isBetween(1.5, 6.0);
        }
    }

    @Test
    void tricklingHeadersAreCutAtTheHeaderTimeout(StoreHandle store) throws Exception {
        try (ApiHarness h = new ApiHarness(
                        store,
                        LabNodeConfig.instant(),
                        HttpLimits.defaults().withIdleSeconds(60).withHeaderSeconds(2));
                Socket s = new Socket("127.0.0.1", h.server.port())) {
            OutputStream out = s.getOutputStream();
            long t0 = System.nanoTime();
            boolean cut = false;
            byte[] request = "GET /versions HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 40 && !cut; i++) {
                try {
                    out.write(request[Math.min(i, request.length - 1)]);
                    out.flush();
                    Thread.sleep(250);
                    s.setSoTimeout(1);
                    cut = s.getInputStream().read() == -1;
                } catch (java.net.SocketTimeoutException e) {
                    // still open
                } catch (java.io.IOException e) {
                    cut = true;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("trickling client cut after %.2f s (header_timeout_seconds = 2)%n", seconds);
            assertThat(cut).isTrue();
            assertThat(seconds).isBetween(1.5, 6.0);
        }
    }

    @Test
    void aBodyThatDoesNotArriveGets408(StoreHandle store) throws Exception {
        try (ApiHarness h = new ApiHarness(
                        store,
                        LabNodeConfig.instant(),
                        HttpLimits.fromJson(new io.vertx.core.json.JsonObject().put("body_timeout_seconds", 2)));
                Socket s = new Socket("127.0.0.1", h.server.port())) {
            s.getOutputStream()
                    .write(("POST /api/v1.0/validatedesign HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                    + ApiHarness.TOKEN
                                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"href\":")
                            .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            long t0 = System.nanoTime();
            String answer = readUntilClosed(s.getInputStream());
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "a body that stopped arriving: %s after %.2f s (body_timeout_seconds = 2)%n",
                    answer.lines().findFirst().orElse(""), seconds);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("body_timeout_seconds");
            assertThat(seconds).isBetween(1.5, 6.0);
        }
    }

    @Test
    void tooManyHeadersAndConnectionsAreRefused(StoreHandle store) throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ApiHarness h = new ApiHarness(
                store,
                LabNodeConfig.instant(),
                HttpLimits.fromJson(new io.vertx.core.json.JsonObject()
                        .put("max_connections", 20)
                        .put("max_headers", 20)))) {
            StringBuilder req = new StringBuilder("GET /versions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
            for (int i = 0; i < 30; i++) {
                req.append("X-H").append(i).append(": v\r\n");
            }
            try (Socket s = new Socket("127.0.0.1", h.server.port())) {
                s.getOutputStream().write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
                assertThat(readUntilClosed(s.getInputStream()))
                        .startsWith("HTTP/1.1 431")
                        .contains("max_headers");
            }
            for (int i = 0; i < 30; i++) {
                held.add(new Socket("127.0.0.1", h.server.port()));
            }
            Thread.sleep(500);
            assertThat(h.server.openConnections())
                    .as("open connections with max_connections = 20")
                    .isLessThanOrEqualTo(20);
            int closed = 0;
            for (Socket s : held) {
                s.setSoTimeout(200);
                try {
                    closed += s.getInputStream().read() == -1 ? 1 : 0;
                } catch (java.net.SocketTimeoutException e) {
                    // held open, as it should be below the limit
                }
            }
            assertThat(closed).as("connections closed over the limit").isGreaterThanOrEqualTo(10);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static String readUntilClosed(InputStream in) throws Exception {
        StringBuilder b = new StringBuilder();
        byte[] buf = new byte[4096];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            b.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        }
        return b.toString();
    }
}
