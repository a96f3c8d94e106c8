package io.slipway.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizerTest {
    @TempDir
    Path dir;

    private Authorizer authorizer;
    private String admin;
    private String reader;

    @BeforeEach
    void setUp() {
        TokenStore.Initialized init = TokenStore.initialize(dir.resolve("tokens.yaml"));
        admin = init.issued().get(0).token();
        reader = init.issued().get(1).token();
        authorizer = Authorizer.create(TokenAuthenticator.create(init.store()), Policy.bundled());
    }

    @Test
    void validTokenWithTheRoleIsLetThrough() {
        Principal p = Await.result(authorizer.require("Bearer " + admin, Permissions.DELETE_TASKS));
        assertThat(p).isEqualTo(new Principal("admin", java.util.Set.of("admin")));
        assertThat(Await.result(authorizer.require("bearer  " + reader + " ", Permissions.READ_TASK))
                        .name())
                .isEqualTo("reader");
    }

    @Test
    void missingOrUnknownCredentialsAreUnauthenticated() {
        assertThat(kind(authorizer.require(null, Permissions.READ_TASK))).isEqualTo(AuthException.Kind.UNAUTHENTICATED);
        assertThat(kind(authorizer.require("Bearer ", Permissions.READ_TASK)))
                .isEqualTo(AuthException.Kind.UNAUTHENTICATED);
        assertThat(kind(authorizer.require("Basic YWRtaW46YWRtaW4=", Permissions.READ_TASK)))
                .isEqualTo(AuthException.Kind.UNAUTHENTICATED);
        AuthException e = Await.refusal(authorizer.require("Bearer " + admin + "x", Permissions.READ_TASK));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).isEqualTo("unknown API token").doesNotContain(admin);
    }

    @Test
    void validTokenWithoutTheRoleIsForbidden() {
        AuthException e = Await.refusal(authorizer.require("Bearer " + reader, Permissions.CREATE_TASK));
        assertThat(e.kind()).isEqualTo(AuthException.Kind.FORBIDDEN);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("'reader' lacks the permission physical_provisioner:create_task");
    }

    @Test
    void checkCoversTheSecondPermissionOfATask() {
        Principal operator = new Principal("ops", java.util.Set.of("operator"));
        assertThat(Await.result(authorizer.check(operator, Permissions.forTaskAction("deploy_nodes"))))
                .isEqualTo(operator);
        assertThat(authorizer.allows(operator, Permissions.DELETE_TASKS)).isFalse();
        assertThat(authorizer.allows(null, Permissions.READ_TASK)).isFalse();
    }

    @Test
    void unknownPermissionsAreWiringBugs() {
        assertThatThrownBy(() -> authorizer.require("Bearer " + admin, "physical_provisioner:read_tasks"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compositeTriesEachAndJoinsReasons() {
        Authenticator never = h -> Future.failedFuture(AuthException.unauthenticated("not a JWT"));
        Authenticator tokens = TokenAuthenticator.create(
                TokenStore.initialize(dir.resolve("tokens.yaml")).store());
        Authenticator both = Authenticator.firstOf(tokens, never);
        assertThat(Await.result(both.authenticate("Bearer " + reader)).name()).isEqualTo("reader");
        assertThat(Await.refusal(both.authenticate("Bearer nope")).getMessage())
                .isEqualTo("unknown API token; not a JWT");
        assertThat(Await.refusal(both.authenticate(null)).getMessage()).startsWith("authentication required");
        Authenticator broken = h -> Future.failedFuture(new IllegalStateException("boom"));
        assertThat(Await.failure(Authenticator.firstOf(broken, tokens).authenticate("Bearer " + reader)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static AuthException.Kind kind(Future<?> f) {
        return Await.refusal(f).kind();
    }
}
