package io.slipway.api.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The workload an AppCDS archive is recorded from ({@code make-cds.sh}, at package time): the
 * one-shot commands operators run most, so the classes they load are mapped from the archive instead
 * of being read, verified and linked on every start. Not a command; output is discarded.
 */
public final class CdsTraining {
    private CdsTraining() {}

    /** {@code args}: a scratch directory, then optionally a design file to validate. */
    public static void main(String[] args) throws IOException {
        Path scratch = Path.of(args[0]);
        Path generated = scratch.resolve("generated.yaml");
        Files.writeString(generated, capture("design", "generate", "--nodes", "200"));
        run("validate", generated.toString());
        run("validate", "-o", "json", generated.toString());
        if (args.length > 1) {
            run("validate", args[1]);
        }
        // Client calls: one answered by a loopback HTTP server of the JDK (a fixed node list, so the
        // response and table paths load too), one to a port nothing listens on (the error path).
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] nodes = "[{\"hostname\":\"n1\",\"state\":\"deployed\",\"power_state\":\"on\",\"last_error\":null}]"
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", x -> {
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, nodes.length);
            try (OutputStream body = x.getResponseBody()) {
                body.write(nodes);
            }
        });
        server.start();
        try {
            String url = "--url=http://127.0.0.1:" + server.getAddress().getPort();
            run("node", "list", url);
            run("node", "list", "-o", "json", url);
            run("task", "list", url);
        } finally {
            server.stop(0);
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "--url=http://127.0.0.1:" + s.getLocalPort();
            s.close();
            run("node", "list", url);
        }
        run("--help");
        run("validate", "--help");
    }

    private static void run(String... args) {
        Main.run(
                new PrintWriter(OutputStream.nullOutputStream()),
                new PrintWriter(OutputStream.nullOutputStream()),
                args);
    }

    private static String capture(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        Main.run(new PrintWriter(out), new PrintWriter(OutputStream.nullOutputStream()), args);
        return out.toString();
    }
}
