package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.auth.AuthConfig;
import io.slipway.api.auth.AuthSetup;
import io.slipway.api.auth.IssuedToken;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.rules.RuleBook;
import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the bundled policy and real tokens: a reader sees every design route with the BMC password
 * masked, the admin (read_secrets) sees it; the node verbs are refused to the reader and answered
 * 503 on an instance that does not lead.
 */
@ExtendWith(PostgresExtension.class)
class SecretRedactionIT {
    private static final String SECRET = "lab-secret";

    @Test
    void readersSeeMaskedSecretsInEveryDesignRouteAndAdminsSeeThem(StoreHandle store, @TempDir Path dir)
            throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            AuthSetup auth = result(AuthSetup.create(vertx, AuthConfig.defaults(dir)));
            String admin = token(auth, "admin");
            String reader = token(auth, "reader");
            var rules = RuleBook.compile(ApiHarness.repoRoot().resolve("rules/validation"), RuleBook.Mode.INTERPRETED);
            ApiContext api = new ApiContext(
                    vertx,
                    io.slipway.engine.leadership.LeaderView.fixed(null),
                    store,
                    new DesignLoader(),
                    rules,
                    auth.routes()::guard,
                    auth.routes()::permits,
                    false,
                    null);
            ApiServer server = result(ApiServer.start(api, "127.0.0.1", 0));
            WebClient http = WebClient.create(vertx);
            String site = Files.readString(ApiHarness.repoRoot().resolve("site-examples/lab-site.yaml"));
            assertThat(site).contains("credential: " + SECRET);
            long a = result(store.designs().save("lab-site.yaml", site)).id();
            long b = result(store.designs()
                            .save(
                                    "lab-site-2.yaml",
                                    site.replace("credential: " + SECRET, "credential: rotated-secret")))
                    .id();
            List<String> routes = List.of(
                    "/api/v1.0/designs/" + a,
                    "/api/v1.0/designs/" + a + "/parts",
                    "/api/v1.0/designs/" + a + "/parts/HostProfile",
                    "/api/v1.0/designs/" + a + "/parts/HostProfile/base",
                    "/api/v1.0/designs/" + a + "/diff/" + b,
                    "/api/v1.0/designs");
            for (String route : routes) {
                HttpResponse<Buffer> asReader = get(http, server, route, reader);
                assertThat(asReader.statusCode()).as(route).isEqualTo(200);
                assertThat(asReader.bodyAsString()).as(route).doesNotContain(SECRET, "rotated-secret");
                HttpResponse<Buffer> asAdmin = get(http, server, route, admin);
                assertThat(asAdmin.statusCode()).as(route).isEqualTo(200);
            }
            assertThat(get(http, server, routes.get(0), reader)
                            .bodyAsJsonObject()
                            .getString("documents"))
                    .contains("credential: '***'");
            assertThat(get(http, server, routes.get(0), admin)
                            .bodyAsJsonObject()
                            .getString("documents"))
                    .contains("credential: " + SECRET);
            assertThat(get(http, server, routes.get(3), reader).bodyAsString()).contains("\"credential\":\"***\"");
            assertThat(get(http, server, routes.get(3), admin).bodyAsString())
                    .contains("\"credential\":\"" + SECRET + "\"");
            assertThat(get(http, server, routes.get(4), reader).bodyAsString())
                    .contains("\"data.oob.credential\":{\"from\":\"***\",\"to\":\"***\"}");
            assertThat(get(http, server, routes.get(4), admin).bodyAsString()).contains("rotated-secret");

            for (String verb : List.of("release", "abort", "confirm", "reject")) {
                String path = "/api/v1.0/nodes/ctl01/" + verb;
                assertThat(send(http, server, HttpMethod.POST, path, reader).statusCode())
                        .as(verb)
                        .isEqualTo(403);
                HttpResponse<Buffer> standby = send(http, server, HttpMethod.POST, path, admin);
                assertThat(standby.statusCode()).as(verb).isEqualTo(503);
                assertThat(standby.bodyAsJsonObject().getString("detail")).contains("leading instance");
            }
            assertThat(send(http, server, HttpMethod.PUT, "/api/v1.0/nodes/ctl01/maintenance", admin)
                            .statusCode())
                    .isEqualTo(503);
            assertThat(send(http, server, HttpMethod.DELETE, "/api/v1.0/nodes/ctl01/maintenance", reader)
                            .statusCode())
                    .isEqualTo(403);
            result(server.close());
            auth.close();
        } finally {
            result(vertx.close());
        }
    }

    private static String token(AuthSetup auth, String name) {
        return auth.issuedTokens().stream()
                .filter(t -> t.name().equals(name))
                .map(IssuedToken::token)
                .findFirst()
                .orElseThrow();
    }

    private static HttpResponse<Buffer> get(WebClient http, ApiServer server, String path, String token) {
        return result(http.get(server.port(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + token)
                .send());
    }

    private static HttpResponse<Buffer> send(
            WebClient http, ApiServer server, HttpMethod method, String path, String token) {
        return result(http.request(method, server.port(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"reason\": \"test\"}")));
    }
}
