package io.slipway.engine.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.slipway.engine.TestDesigns;
import io.slipway.engine.fetch.FetchPolicy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References are fetched through the fetch policy with bounded time and size, over loopback only. */
class DesignSourceTest {
    private HttpServer server;
    private String auth;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/site.yaml", ex -> {
            auth = ex.getRequestHeaders().getFirst("Authorization");
            byte[] body = TestDesigns.bytes(TestDesigns.site(TestDesigns.node("n1", "base", "10.0.0.11")));
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void httpAndDeckhandReferencesLoad() {
        FetchPolicy policy = FetchPolicy.fromJson(new io.vertx.core.json.JsonObject()
                .put(
                        "sources",
                        new io.vertx.core.json.JsonArray()
                                .add(new io.vertx.core.json.JsonObject()
                                        .put("url", base() + "/")
                                        .put("bearer_token", "tok"))));
        DesignLoader loader = new DesignLoader(DesignLimits.defaults(), policy);
        assertThat(loader.load(java.util.List.of(base() + "/site.yaml")).nodes())
                .hasSize(1);
        assertThat(loader.load(java.util.List.of("deckhand+" + base() + "/site.yaml"))
                        .nodes())
                .hasSize(1);
        assertThat(auth).isEqualTo("Bearer tok");
    }

    @Test
    void aReferenceThatIsNoPathIsBadInputNamingIt() {
        DesignSource source = new DesignSource(DesignLimits.defaults(), FetchPolicy.commandLine());
        String ref = "deckhand+http:://user:pw@127.0\ud800.0.1:9/x";
        assertThatThrownBy(() -> source.fetch(ref))
                .isInstanceOf(DesignInputException.class)
                .hasMessageContaining("not a readable path");
        assertThatThrownBy(() -> source.fetch("file://a b%zz"))
                .isInstanceOf(DesignInputException.class)
                .hasMessageContaining("file://a b%zz");
    }

    @Test
    void httpErrorsAreReportedWithTheReference() {
        DesignSource source = new DesignSource(DesignLimits.defaults(), FetchPolicy.commandLine());
        assertThatThrownBy(() -> source.fetch(base() + "/missing"))
                .isInstanceOf(DesignInputException.class)
                .hasMessageContaining("/missing")
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void aRefusedConnectionAnswersAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DesignSource source = new DesignSource(DesignLimits.defaults(), FetchPolicy.commandLine());
        long start = System.nanoTime();
        assertThatThrownBy(() -> source.fetch("http://127.0.0.1:" + port + "/x"))
                .isInstanceOf(DesignInputException.class)
                .hasMessageContaining("connection refused");
        // Functional bound, not a benchmark: Drydock retries here for 30 s.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void filesAndFileUrlsLoadAndMissingFilesAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, TestDesigns.site(""));
        DesignSource source = new DesignSource(DesignLimits.defaults(), FetchPolicy.commandLine());
        assertThat(source.fetch(f.toString()).bytes()).isNotEmpty();
        assertThat(source.fetch(f.toUri().toString()).bytes()).isNotEmpty();
        assertThatThrownBy(() -> source.fetch(dir.resolve("nope.yaml").toString()))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> source.fetch("ftp://x/y")).hasMessageContaining("unsupported reference scheme");
    }
}
