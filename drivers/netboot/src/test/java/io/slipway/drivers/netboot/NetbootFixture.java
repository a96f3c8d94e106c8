package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.state.DriverStateStore;
import io.slipway.drivers.spi.state.MemoryDriverStateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A netboot driver on loopback for tests: agent artefacts and a registered image {@code jammy} in a
 * temporary directory, a listener on a free port, and a state store that counts releases (deployment
 * records removed) as the "backing system" of the contract suite.
 */
final class NetbootFixture {
    final Vertx vertx = Vertx.vertx();
    final Path dir;
    final int port;
    final String base;
    final java.util.Map<String, AtomicInteger> releases = new java.util.concurrent.ConcurrentHashMap<>();
    final DriverStateStore store;
    final JsonObject settings;
    NetbootNodeDriver driver;

    NetbootFixture(DriverStateStore backing) throws IOException {
        this(backing, new JsonObject());
    }

    /** With {@code overrides} applied to the driver settings. */
    NetbootFixture(DriverStateStore backing, JsonObject overrides) throws IOException {
        dir = Files.createTempDirectory("netboot-it");
        Files.createDirectories(dir.resolve("artefacts"));
        Files.writeString(dir.resolve("artefacts/vmlinuz"), "kernel");
        Files.writeString(dir.resolve("artefacts/initrd.gz"), "initrd");
        byte[] image = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(image);
        Path file = dir.resolve("jammy.img");
        Files.write(file, image);
        new ImageRegistry(dir.resolve("images")).add("jammy", file, "raw");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        store = counting(backing);
        settings = new JsonObject()
                .put("bind", "127.0.0.1")
                .put("port", port)
                .put("baseUrl", base)
                .put("artefactsDir", dir.resolve("artefacts").toString())
                .put("imagesDir", dir.resolve("images").toString())
                .put("commissionTimeoutS", 20)
                .put("deployTimeoutS", 20)
                .put("eraseTimeoutS", 20)
                .put("bootedTimeoutS", 20)
                .put("maxPollWaitS", 5)
                .mergeIn(overrides);
        driver = start();
    }

    NetbootFixture() throws IOException {
        this(new MemoryDriverStateStore());
    }

    /** A new driver instance on the same state and port (a restarted server). */
    NetbootNodeDriver start() {
        NetbootNodeDriver d =
                new NetbootNodeDriver(vertx, Clock.systemUTC(), store, null, NetbootConfig.from(settings));
        await(d.listen());
        return d;
    }

    void close() {
        await(vertx.close());
    }

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private DriverStateStore counting(DriverStateStore s) {
        return new DriverStateStore() {
            @Override
            public Future<Entry> get(String scope, String key) {
                return s.get(scope, key);
            }

            @Override
            public Future<Entry> put(String scope, String key, String value) {
                return s.put(scope, key, value);
            }

            @Override
            public Future<Boolean> delete(String scope, String key) {
                return s.delete(scope, key).onSuccess(existed -> {
                    if (existed && scope.equals(NetbootState.DEPLOYED)) {
                        releases.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    }
                });
            }

            @Override
            public Future<List<Entry>> list(String scope) {
                return s.list(scope);
            }
        };
    }
}
