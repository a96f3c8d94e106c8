package io.slipway.api.cli;

import io.slipway.api.drivers.DriverWiring;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code slipway serve}: the database (embedded unless {@code SLIPWAY_DB_URL} is set), cluster
 * membership, the engine while this instance leads, and the HTTP API, until stopped. The driver
 * configuration is checked completely first: a missing node driver, an unknown type or a missing
 * setting stops the start before the database opens. Tokens generated at the first start are
 * printed once.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the provisioner and its HTTP API until stopped.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() throws InterruptedException {
        ConfigFileDefaults.verify(spec);
        PrintWriter out = spec.commandLine().getOut();
        options.fileDrivers = ConfigFileDefaults.drivers(spec);
        DriverWiring drivers = Server.drivers(options, System.getenv());
        Server server = Server.start(options, System.getenv(), drivers);
        out.println("Slipway is serving on " + server.url + "/api/v1.0 (database: " + server.store.endpoint()
                + "; cluster: " + server.leadership.members() + ")");
        out.println(drivers.banner());
        server.issuedTokens().forEach(t -> out.println("  new " + t.name() + " token (shown once): " + t.token()));
        out.flush();
        awaitShutdown(server);
        return ExitCodes.OK;
    }

    /** Blocks until the JVM is asked to stop, then stops the server cleanly. */
    static void awaitShutdown(Server server) throws InterruptedException {
        awaitShutdown(server, () -> {});
    }

    /** As {@link #awaitShutdown(Server)}, running {@code after} once the server has stopped. */
    static void awaitShutdown(Server server, Runnable after) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            after.run();
            stopped.countDown();
        }));
        stopped.await();
    }
}
