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
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every guarded route answers 401 without credentials and 403 to a valid token whose role lacks the
 * route's permission; the public routes need none. Uses the real token store and policy file.
 */
@ExtendWith(PostgresExtension.class)
class RouteAuthIT {
    static final List<String[]> GUARDED = List.of(
            new String[] {"GET", "/api/v1.0/health/extended"},
            new String[] {"GET", "/api/v1.0/tasks"},
            new String[] {"POST", "/api/v1.0/tasks"},
            new String[] {"DELETE", "/api/v1.0/tasks?days=1"},
            new String[] {"GET", "/api/v1.0/tasks/00000000-0000-0000-0000-000000000001"},
            new String[] {"GET", "/api/v1.0/tasks/00000000-0000-0000-0000-000000000001/builddata"},
            new String[] {"POST", "/api/v1.0/validatedesign"},
            new String[] {"POST", "/api/v1.0/nodefilter"},
            new String[] {"POST", "/api/v1.0/designs"},
            new String[] {"GET", "/api/v1.0/designs"},
            new String[] {"GET", "/api/v1.0/designs/1"},
            new String[] {"GET", "/api/v1.0/nodes"},
            new String[] {"GET", "/api/v1.0/nodes/n1"},
            new String[] {"GET", "/api/v1.0/nodes/n1/explain"},
            new String[] {"GET", "/api/v1.0/nodes/n1/timeline"},
            new String[] {"GET", "/api/v1.0/nodes/n1/builddata"},
            new String[] {"POST", "/api/v1.0/plan"},
            new String[] {"POST", "/api/v1.0/nodes/n1/release"},
            new String[] {"PUT", "/api/v1.0/nodes/n1/maintenance"},
            new String[] {"DELETE", "/api/v1.0/nodes/n1/maintenance"},
            new String[] {"POST", "/api/v1.0/nodes/n1/abort"},
            new String[] {"POST", "/api/v1.0/nodes/n1/confirm"},
            new String[] {"POST", "/api/v1.0/nodes/n1/reject"});

    @Test
    void guardedRoutesNeedATokenAndItsPermission(StoreHandle store, @TempDir Path dir) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Path policy = dir.resolve("policy.yaml");
            Files.writeString(policy, "roles:\n  admin:\n    - \"*\"\n  reader: []\n");
            AuthSetup auth = result(AuthSetup.create(
                    vertx, AuthConfig.from(new JsonObject().put("policy", policy.toString()), dir)));
            String reader = auth.issuedTokens().stream()
                    .filter(t -> t.name().equals("reader"))
                    .map(IssuedToken::token)
                    .findFirst()
                    .orElseThrow();
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
            for (String[] route : GUARDED) {
                var anonymous = result(http.request(HttpMethod.valueOf(route[0]), server.port(), "127.0.0.1", route[1])
                        .putHeader("Content-Type", "application/json")
                        .sendBuffer(Buffer.buffer("{}")));
                assertThat(anonymous.statusCode())
                        .as("no token: " + String.join(" ", route))
                        .isEqualTo(401);
                var forbidden = result(http.request(HttpMethod.valueOf(route[0]), server.port(), "127.0.0.1", route[1])
                        .putHeader("Authorization", "Bearer " + reader)
                        .putHeader("Content-Type", "application/json")
                        .sendBuffer(Buffer.buffer("{}")));
                assertThat(forbidden.statusCode())
                        .as("token without the role: " + String.join(" ", route))
                        .isEqualTo(403);
            }
            assertThat(result(http.get(server.port(), "127.0.0.1", "/versions").send())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(result(http.get(server.port(), "127.0.0.1", "/api/v1.0/health")
                                    .send())
                            .statusCode())
                    .isEqualTo(204);
            result(server.close());
            auth.close();
        } finally {
            result(vertx.close());
        }
    }
}
