package io.slipway.drivers.maas;

import io.slipway.drivers.maas.sim.MaasSimulator;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.node.NodeDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/** A Vert.x instance, a started {@link MaasSimulator} and a driver configured for it, with short bounds. */
final class SimFixture implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final MaasSimulator sim;
    final NodeDriver driver;

    SimFixture() {
        sim = join(new MaasSimulator(vertx).start());
        driver = new MaasNodeDriverProvider().create(DriverContext.of(vertx), config(sim.url(), MaasSimulator.API_KEY));
    }

    /** A fixture whose machines have {@link io.slipway.drivers.maas.sim.SimHardware#onboard} hardware, as {@code NodeSpecs} names it. */
    static SimFixture onboard() {
        SimFixture f = new SimFixture();
        f.sim.hardware(mac -> io.slipway.drivers.maas.sim.SimHardware.onboard());
        return f;
    }

    static JsonObject config(String url, String apiKey) {
        return new JsonObject()
                .put("url", url)
                .put("apiKey", apiKey)
                .put("requestTimeoutMs", 10_000)
                .put("bootActionUrl", "http://127.0.0.1:9/")
                .put("pollIntervalMs", 10)
                .put("commissionTimeoutMs", 20_000)
                .put("deployTimeoutMs", 20_000)
                .put("releaseTimeoutMs", 20_000);
    }

    static <T> T join(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        join(vertx.close());
    }
}
