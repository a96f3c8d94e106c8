package io.slipway.drivers.maas.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.maas.sim.MaasSimulator;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HTTP status and transport mapping of {@link MaasClient}. */
class MaasClientTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void conflictIsRefusedWithMaasMessageAndStatus() throws Exception {
        MaasSimulator sim = join(new MaasSimulator(vertx).start());
        MaasClient client = new MaasClient(vertx, sim.url(), MaasApiKey.parse(MaasSimulator.API_KEY), 2000);
        String id = sim.enlist("52:54:00:00:00:01", "10.0.0.1");
        DriverException e = failure(client.post("machines/", "allocate", Forms.of("system_id", id)));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.completionCode()).hasValue(409);
        assertThat(e.getMessage()).contains("No machine with system ID " + id + " available.");
        assertThat(failure(client.getObject("machines/nosuch/")).completionCode())
                .hasValue(404);
    }

    @Test
    void readsJsonObjectsAndArrays() throws Exception {
        MaasSimulator sim = join(new MaasSimulator(vertx).start());
        MaasClient client = new MaasClient(vertx, sim.url() + "/", MaasApiKey.parse(MaasSimulator.API_KEY), 2000);
        assertThat(join(client.getObject("version/")).getString("version")).isNotBlank();
        assertThat(join(client.getArray("fabrics/"))).isNotEmpty();
        assertThat(join(client.get("boot-resources/", "op", "is_importing"))).isEqualTo(false);
    }

    @Test
    void serverErrorIsFailedAndRetriable() throws Exception {
        MaasClient client = new MaasClient(vertx, fixed(503, "region busy"), MaasApiKey.parse("a:b:c"), 2000);
        DriverException e = failure(client.getArray("machines/"));
        assertThat(e.kind()).isEqualTo(Kind.FAILED);
        assertThat(e.retriable()).isTrue();
        assertThat(e.completionCode()).hasValue(503);
        assertThat(e.getMessage()).contains("region busy");
    }

    @Test
    void forbiddenIsAuth() throws Exception {
        MaasClient client = new MaasClient(vertx, fixed(403, "Forbidden"), MaasApiKey.parse("a:b:c"), 2000);
        assertThat(failure(client.getArray("machines/")).kind()).isEqualTo(Kind.AUTH);
    }

    @Test
    void silentServerTimesOut() throws Exception {
        HttpServer silent =
                join(vertx.createHttpServer().requestHandler(req -> {}).listen(0, "127.0.0.1"));
        MaasClient client = new MaasClient(
                vertx, "http://127.0.0.1:" + silent.actualPort() + "/MAAS", MaasApiKey.parse("a:b:c"), 200);
        DriverException e = failure(client.getArray("machines/"));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.retriable()).isTrue();
    }

    @Test
    void malformedJsonIsFailed() throws Exception {
        MaasClient client = new MaasClient(vertx, fixed(200, "<html>proxy</html>"), MaasApiKey.parse("a:b:c"), 2000);
        assertThat(failure(client.getObject("version/")).kind()).isEqualTo(Kind.FAILED);
        MaasClient objects =
                new MaasClient(vertx, fixed(200, new JsonObject().encode()), MaasApiKey.parse("a:b:c"), 2000);
        assertThat(failure(objects.getArray("machines/")).kind()).isEqualTo(Kind.FAILED);
    }

    private String fixed(int status, String body) throws Exception {
        HttpServer server = join(vertx.createHttpServer()
                .requestHandler(req -> req.response().setStatusCode(status).end(body))
                .listen(0, "127.0.0.1"));
        return "http://127.0.0.1:" + server.actualPort() + "/MAAS";
    }

    private static <T> T join(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static DriverException failure(Future<?> f) throws Exception {
        try {
            Object v = join(f);
            throw new AssertionError("expected failure, got " + v);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(DriverException.class);
            return (DriverException) e.getCause();
        }
    }
}
