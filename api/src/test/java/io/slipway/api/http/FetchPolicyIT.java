package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.auth.AuthConfig;
import io.slipway.api.auth.AuthSetup;
import io.slipway.api.auth.IssuedToken;
import io.slipway.engine.design.DesignLimits;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.fetch.FetchPolicy;
import io.slipway.engine.rules.RuleBook;
import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Server-side request forgery: with a reader token no route makes the server connect anywhere, even to
 * a listed source; with an operator token and the default configuration a loopback URL is refused,
 * naming the configuration key that would allow it. A loopback listener counts every connection.
 */
@ExtendWith(PostgresExtension.class)
class FetchPolicyIT {
    private static final String[] ACTIONS = {
        "validate_design",
        "verify_site",
        "prepare_site",
        "verify_nodes",
        "prepare_nodes",
        "deploy_nodes",
        "destroy_nodes",
        "relabel_nodes"
    };

    @Test
    void aReaderNeverMakesTheServerConnectAndTheDefaultFetchesNothing(StoreHandle store, @TempDir Path dir)
            throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = count(listener);
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/site.yaml";
            Vertx vertx = Vertx.vertx();
            try {
                AuthSetup auth = result(AuthSetup.create(
                        vertx,
                        AuthConfig.from(
                                new JsonObject().put("policy", policy(dir).toString()), dir)));
                String reader = token(auth, "reader");
                String operator = token(auth, "admin");
                FetchPolicy listed = FetchPolicy.fromJson(new JsonObject()
                        .put(
                                "sources",
                                new JsonArray()
                                        .add(new JsonObject()
                                                .put("url", "http://127.0.0.1:" + listener.getLocalPort() + "/"))));
                ApiServer open = server(vertx, store, auth, listed);
                WebClient http = WebClient.create(vertx);
                List<String[]> probes = probes(url);
                for (String[] p : probes) {
                    HttpResponse<Buffer> r = send(http, open.port(), reader, p);
                    assertThat(r.statusCode())
                            .as(String.join(" ", p) + " -> " + r.bodyAsString())
                            .isBetween(400, 499);
                }
                assertThat(probes).hasSizeGreaterThanOrEqualTo(20);
                Thread.sleep(300);
                assertThat(connections.get())
                        .as("connections the listener saw from reader requests")
                        .isZero();

                ApiServer closed = server(vertx, store, auth, FetchPolicy.none());
                for (String[] p : probes) {
                    if (p[1].endsWith("/plan")) {
                        continue; // answered by a leading instance only; this server has no engine
                    }
                    HttpResponse<Buffer> r = send(http, closed.port(), operator, p);
                    assertThat(r.statusCode()).as(String.join(" ", p)).isBetween(400, 499);
                    assertThat(r.bodyAsString())
                            .as(String.join(" ", p))
                            .contains("fetch.sources")
                            .contains("SLIPWAY_FETCH_CONFIG");
                }
                Thread.sleep(300);
                assertThat(connections.get())
                        .as("connections the listener saw under the default policy")
                        .isZero();
                result(open.close());
                result(closed.close());
                auth.close();
            } finally {
                result(vertx.close());
            }
        }
    }

    /** Every route that takes a design reference, each way it can name one. */
    private static List<String[]> probes(String url) {
        List<String[]> out = new ArrayList<>();
        for (String ref : List.of(url, "deckhand+" + url)) {
            for (String a : ACTIONS) {
                out.add(new String[] {
                    "POST",
                    "/api/v1.0/tasks",
                    new JsonObject().put("action", a).put("design_ref", ref).encode()
                });
            }
            out.add(new String[] {
                "POST",
                "/api/v1.0/validatedesign",
                new JsonObject().put("href", ref).encode()
            });
            out.add(new String[] {
                "POST",
                "/api/v1.0/nodefilter",
                new JsonObject().put("design_ref", ref).encode()
            });
            out.add(new String[] {
                "POST", "/api/v1.0/designs", new JsonObject().put("href", ref).encode()
            });
            out.add(new String[] {
                "POST",
                "/api/v1.0/plan",
                new JsonObject()
                        .put("action", "deploy_nodes")
                        .put("design_ref", ref)
                        .encode()
            });
        }
        return out;
    }

    private static HttpResponse<Buffer> send(WebClient http, int port, String token, String[] p) {
        return result(http.request(HttpMethod.valueOf(p[0]), port, "127.0.0.1", p[1])
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(p[2])));
    }

    private static ApiServer server(Vertx vertx, StoreHandle store, AuthSetup auth, FetchPolicy fetch) {
        var rules = RuleBook.compile(ApiHarness.repoRoot().resolve("rules/validation"), RuleBook.Mode.INTERPRETED);
        ApiContext api = new ApiContext(
                vertx,
                io.slipway.engine.leadership.LeaderView.fixed(null),
                store,
                new DesignLoader(DesignLimits.defaults(), fetch),
                rules,
                auth.routes()::guard,
                auth.routes()::permits,
                false,
                null);
        return result(ApiServer.start(api, "127.0.0.1", 0));
    }

    /** The bundled policy, with the admin token carrying exactly the bundled operator role. */
    @SuppressWarnings("unchecked")
    private static Path policy(Path dir) throws Exception {
        Map<String, Object> bundled;
        try (InputStream in = FetchPolicyIT.class.getResourceAsStream("/slipway/policy.yaml")) {
            bundled = new Yaml().load(in);
        }
        Map<String, Object> roles = (Map<String, Object>) bundled.get("roles");
        StringBuilder out = new StringBuilder("roles:\n");
        for (String[] role : new String[][] {{"admin", "operator"}, {"reader", "reader"}}) {
            out.append("  ").append(role[0]).append(":\n");
            for (Object perm : (List<Object>) roles.get(role[1])) {
                out.append("    - ").append(perm).append('\n');
            }
        }
        Path p = dir.resolve("policy.yaml");
        Files.writeString(p, out.toString());
        return p;
    }

    private static String token(AuthSetup auth, String name) {
        return auth.issuedTokens().stream()
                .filter(t -> t.name().equals(name))
                .map(IssuedToken::token)
                .findFirst()
                .orElseThrow();
    }

    private static AtomicInteger count(ServerSocket listener) {
        AtomicInteger seen = new AtomicInteger();
        Thread t = new Thread(
                () -> {
                    while (!listener.isClosed()) {
                        try (Socket s = listener.accept()) {
                            seen.incrementAndGet();
                        } catch (java.io.IOException e) {
                            return;
                        }
                    }
                },
                "fetch-listener");
        t.setDaemon(true);
        t.start();
        return seen;
    }
}
