package io.slipway.api.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A loopback design server that misbehaves: trickles, redirects, serves NUL, JSON, lists and long scalars. */
final class HostileDesignServer {
    private HostileDesignServer() {}

    static HttpServer start() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-design-server");
            t.setDaemon(true);
            return t;
        }));
        String head = "---\nschema: drydock/Network/v1\nmetadata: {name: n}\ndata:\n  cidr: 10.0.0.0/24\n";
        s.createContext("/", ex -> {
            switch (ex.getRequestURI().getPath()) {
                case "/trickle" -> trickle(ex);
                case "/hop" -> redirect(ex, "/json");
                case "/away" ->
                    redirect(ex, "http://127.0.0.2:" + s.getAddress().getPort() + "/json");
                case "/nul.yaml" -> send(ex, head + "  notes: a\u0000b\n");
                case "/json" -> send(ex, "{\"not\": \"a design\"}");
                case "/empty" -> send(ex, "");
                case "/list.yaml" -> send(ex, "- a\n- b\n");
                case "/long.yaml" -> send(ex, head + "  notes: " + "z".repeat(1_000_000) + "\n");
                case "/broken.yaml" -> send(ex, head + "  notes: [unclosed\n");
                default -> {
                    ex.sendResponseHeaders(404, -1);
                    ex.close();
                }
            }
        });
        s.start();
        return s;
    }

    private static void send(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    private static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().add("Location", to);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static void trickle(HttpExchange ex) throws IOException {
        ex.sendResponseHeaders(200, 0);
        try {
            for (int i = 0; i < 100; i++) {
                ex.getResponseBody().write('#');
                ex.getResponseBody().flush();
                Thread.sleep(100);
            }
        } catch (InterruptedException | IOException e) {
            // the client gave up, as it should
        }
        ex.close();
    }
}
