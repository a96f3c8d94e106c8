package io.slipway.store.embedded;

import java.nio.file.Path;

/**
 * Starts an embedded server on the given data directory, then dies without any shutdown hook, as a
 * JVM killed by the OOM killer or {@code kill -9} would. Run as a separate process.
 */
public final class CrashingOwner {

    private CrashingOwner() {}

    public static void main(String[] args) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0, true);
        server.ensureDatabase("slipway");
        System.out.println("port " + server.port());
        Runtime.getRuntime().halt(0);
    }
}
