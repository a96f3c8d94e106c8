package io.slipway.engine.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetch policy against two loopback servers: who is reached, with which credentials, for how long. */
class FetchPolicyTest {
    private HttpServer a;
    private HttpServer b;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        a = server("a");
        b = server("b");
    }

    private HttpServer server(String name) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setExecutor(Executors.newCachedThreadPool());
        s.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            seen.add(name + " " + path + " " + ex.getRequestHeaders().getFirst("Authorization"));
            switch (path) {
                case "/site.yaml" -> {
                    byte[] body = "---\nschema: x\n".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                }
                case "/hop" -> {
                    ex.getResponseHeaders().add("Location", "/site.yaml");
                    ex.sendResponseHeaders(302, -1);
                }
                case "/away" -> {
                    ex.getResponseHeaders().add("Location", base(b) + "/site.yaml");
                    ex.sendResponseHeaders(302, -1);
                }
                case "/trickle" -> {
                    ex.sendResponseHeaders(200, 0);
                    for (int i = 0; i < 40; i++) {
                        ex.getResponseBody().write('x');
                        ex.getResponseBody().flush();
                        sleep(100);
                    }
                }
                default -> ex.sendResponseHeaders(404, -1);
            }
            ex.close();
        });
        s.start();
        return s;
    }

    @AfterEach
    void stop() {
        a.stop(0);
        b.stop(0);
    }

    private static String base(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    private FetchPolicy policy(JsonObject... sources) {
        return FetchPolicy.fromJson(new JsonObject()
                .put("sources", new JsonArray(List.of((Object[]) sources)))
                .put("deadline_seconds", 1));
    }

    @Test
    void theDefaultFetchesNothingAndNamesTheKeyThatWouldAllowIt() {
        assertThatThrownBy(() -> FetchPolicy.none().fetch(base(a) + "/site.yaml", 1000))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("fetch.sources")
                .hasMessageContaining("SLIPWAY_FETCH_CONFIG");
        assertThat(seen).isEmpty();
    }

    @Test
    void credentialsGoOnlyToTheirSource() {
        FetchPolicy p = policy(
                new JsonObject().put("url", base(a) + "/").put("bearer_token", "tok-a"),
                new JsonObject().put("url", base(b) + "/"));
        assertThat(p.fetch(base(a) + "/site.yaml", 1000)).isNotEmpty();
        assertThat(p.fetch(base(b) + "/site.yaml", 1000)).isNotEmpty();
        assertThat(seen).containsExactly("a /site.yaml Bearer tok-a", "b /site.yaml null");
    }

    @Test
    void userInfoInAReferenceIsRefusedAndNeverShown() {
        FetchPolicy p = policy(new JsonObject().put("url", base(a) + "/"));
        String url = base(a).replace("http://", "http://admin:s3cret@") + "/site.yaml";
        assertThatThrownBy(() -> p.fetch(url, 1000))
                .hasMessageContaining("user:password@")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        assertThat(seen).isEmpty();
    }

    @Test
    void redirectsAreOffByDefaultAndNeverLeaveTheOrigin() {
        assertThatThrownBy(() ->
                        policy(new JsonObject().put("url", base(a) + "/")).fetch(base(a) + "/hop", 1000))
                .hasMessageContaining("redirects are not followed")
                .hasMessageContaining("follow_redirects");
        FetchPolicy following = policy(
                new JsonObject()
                        .put("url", base(a) + "/")
                        .put("follow_redirects", true)
                        .put("bearer_token", "tok-a"),
                new JsonObject().put("url", base(b) + "/").put("follow_redirects", true));
        assertThat(following.fetch(base(a) + "/hop", 1000)).isNotEmpty();
        assertThatThrownBy(() -> following.fetch(base(a) + "/away", 1000)).hasMessageContaining("across origins");
        assertThat(seen).noneMatch(s -> s.startsWith("b "));
    }

    @Test
    void oneDeadlineBoundsATricklingAnswer() {
        FetchPolicy p = policy(new JsonObject().put("url", base(a) + "/"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> p.fetch(base(a) + "/trickle", 1000))
                .hasMessageContaining("no complete answer within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theSizeLimitHolds() {
        FetchPolicy p = policy(new JsonObject().put("url", base(a) + "/"));
        assertThatThrownBy(() -> p.fetch(base(a) + "/site.yaml", 4)).hasMessageContaining("more than 4 bytes");
    }

    @Test
    void aNameResolvingToLoopbackNeedsAllowInternal() {
        String url = "http://localhost:" + a.getAddress().getPort() + "/site.yaml";
        FetchPolicy named = policy(
                new JsonObject().put("url", "http://localhost:" + a.getAddress().getPort() + "/"));
        assertThatThrownBy(() -> named.fetch(url, 1000))
                .hasMessageContaining("internal address")
                .hasMessageContaining("allow_internal");
        assertThat(seen).isEmpty();
        assertThatThrownBy(() -> FetchPolicy.none().fetch("http://169.254.169.254/latest/meta-data/", 1000))
                .hasMessageContaining("not an allowed fetch source");
    }

    @Test
    void badConfigurationNamesTheKey() {
        assertThatThrownBy(() -> FetchPolicy.fromJson(new JsonObject().put("sorces", new JsonArray())))
                .hasMessageContaining("sorces");
        assertThatThrownBy(() -> FetchSource.fromJson(new JsonObject().put("url", "http://u:p@h/")))
                .hasMessageContaining("basic_user")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("u:p"));
        assertThat(FetchSource.fromJson(new JsonObject().put("url", "deckhand+https://d.example/api/"))
                        .prefix())
                .isEqualTo(URI.create("https://d.example/api/"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
