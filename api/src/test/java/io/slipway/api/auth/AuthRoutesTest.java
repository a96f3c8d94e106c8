package io.slipway.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard on a real router: 401 without a token, 403 without the role, 200 with it. */
class AuthRoutesTest {
    @TempDir
    static Path dir;

    private static Vertx vertx;
    private static WebClient client;
    private static HttpServer server;
    private static List<IssuedToken> tokens;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        TokenStore.Initialized init = TokenStore.initialize(dir.resolve("tokens.yaml"));
        tokens = init.issued();
        AuthRoutes auth =
                AuthRoutes.create(Authorizer.create(TokenAuthenticator.create(init.store()), Policy.bundled()));
        Router r = Router.router(vertx);
        r.get("/versions").handler(ctx -> ctx.end("public"));
        r.get("/api/v1.0/tasks")
                .handler(auth.guard(Permissions.READ_TASK))
                .handler(ctx -> ctx.end("tasks for " + AuthRoutes.principal(ctx).name()));
        r.delete("/api/v1.0/tasks")
                .handler(auth.guard(Permissions.DELETE_TASKS))
                .handler(ctx -> ctx.end("purged by " + ctx.get(AuthRoutes.PRINCIPAL)));
        r.post("/api/v1.0/tasks")
                .handler(auth.guard(Permissions.READ_TASK))
                .handler(ctx -> ctx.end(String.valueOf(auth.permits(ctx, Permissions.forTaskAction("deploy_nodes")))));
        // Stands in for the API's one failure handler: it renders what the guard failed with.
        r.route()
                .failureHandler(ctx -> ctx.response()
                        .setStatusCode(ctx.statusCode())
                        .end(ctx.failure().getClass().getSimpleName() + ": "
                                + ctx.failure().getMessage()));
        server = Await.result(vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1"));
        client = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        Await.result(vertx.close());
    }

    @Test
    void withoutCredentialsItIs401WithAChallenge() {
        HttpResponse<Buffer> resp = send("GET", null);
        assertThat(resp.statusCode()).isEqualTo(401);
        assertThat(resp.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"slipway\"");
        assertThat(resp.bodyAsString()).startsWith("AuthException: authentication required");
        assertThat(send("GET", "Bearer not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void withoutTheRoleItIs403() {
        HttpResponse<Buffer> resp = send("DELETE", token("reader"));
        assertThat(resp.statusCode()).isEqualTo(403);
        assertThat(resp.getHeader("WWW-Authenticate")).isNull();
        assertThat(resp.bodyAsString())
                .isEqualTo("AuthException: 'reader' lacks the permission physical_provisioner:delete_tasks");
    }

    @Test
    void withTheRoleTheRouteRunsWithThePrincipal() {
        HttpResponse<Buffer> resp = send("GET", token("reader"));
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.bodyAsString()).isEqualTo("tasks for reader");
        assertThat(send("DELETE", token("admin")).bodyAsString()).isEqualTo("purged by admin");
    }

    @Test
    void handlersCanCheckFurtherPermissions() {
        assertThat(send("POST", token("reader")).bodyAsString()).isEqualTo("false");
        assertThat(send("POST", token("admin")).bodyAsString()).isEqualTo("true");
    }

    @Test
    void publicRoutesNeedNothing() {
        assertThat(Await.result(client.get(server.actualPort(), "127.0.0.1", "/versions")
                                .send())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theRouteContinuesOnItsOwnEventLoopWhateverThreadAuthenticates() {
        Principal admin = new Principal("admin", Set.of("admin"));
        Authenticator elsewhere = h -> {
            Promise<Principal> p = Promise.promise();
            new Thread(() -> p.complete(admin)).start();
            return p.future();
        };
        AuthRoutes auth = AuthRoutes.create(Authorizer.create(elsewhere, Policy.bundled()));
        Router r = Router.router(vertx);
        r.get("/x")
                .handler(
                        ctx -> ctx.put("loop", Thread.currentThread().getName()).next())
                .handler(auth.guard(Permissions.READ_TASK))
                .handler(ctx ->
                        ctx.end(String.valueOf(Thread.currentThread().getName().equals(ctx.get("loop")))));
        HttpServer other =
                Await.result(vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1"));
        assertThat(Await.result(client.get(other.actualPort(), "127.0.0.1", "/x")
                                .send())
                        .bodyAsString())
                .isEqualTo("true");
    }

    @Test
    void guardsForUnknownPermissionsFailAtWiring() {
        AuthRoutes auth = AuthRoutes.create(Authorizer.create(h -> null, Policy.bundled()));
        assertThatThrownBy(() -> auth.guard("slipway:read_nodes")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String token(String name) {
        return "Bearer "
                + tokens.stream()
                        .filter(t -> t.name().equals(name))
                        .findFirst()
                        .orElseThrow()
                        .token();
    }

    private static HttpResponse<Buffer> send(String method, String authorization) {
        var req = client.request(
                io.vertx.core.http.HttpMethod.valueOf(method), server.actualPort(), "127.0.0.1", "/api/v1.0/tasks");
        if (authorization != null) {
            req.putHeader("Authorization", authorization);
        }
        return Await.result(req.send());
    }
}
