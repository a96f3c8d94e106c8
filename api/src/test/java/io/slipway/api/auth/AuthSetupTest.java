package io.slipway.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the whole stack from the {@code auth} configuration subtree. */
class AuthSetupTest {
    private static Vertx vertx;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        Await.result(vertx.close());
    }

    @Test
    void defaultsIssueTokensOnTheFirstStartOnly() {
        AuthConfig config = AuthConfig.from(new JsonObject(), dir);
        assertThat(config.tokensFile()).isEqualTo(dir.resolve("tokens.yaml"));
        try (AuthSetup first = Await.result(AuthSetup.create(vertx, config))) {
            assertThat(first.issuedTokens()).hasSize(2);
            String admin = "Bearer " + first.issuedTokens().get(0).token();
            try (AuthSetup second = Await.result(AuthSetup.create(vertx, config))) {
                assertThat(second.issuedTokens()).isEmpty();
                assertThat(Await.result(second.authorizer().require(admin, Permissions.DELETE_TASKS))
                                .name())
                        .isEqualTo("admin");
            }
        }
    }

    @Test
    void tokensAndJwtTogetherWithTheOperatorsPolicy() throws IOException {
        KeyPair keys = TestJwts.rsa();
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestJwts.jwks(TestJwts.jwk("k", keys.getPublic())));
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "roles:\n  dc-admins: [\"*\"]\n");
        JsonObject json = new JsonObject()
                .put("policy", policy.toString())
                .put(
                        "tokens",
                        new JsonObject()
                                .put("file", dir.resolve("t/tokens.yaml").toString()))
                .put(
                        "jwt",
                        new JsonObject()
                                .put("issuer", TestJwts.ISSUER)
                                .put("audience", TestJwts.AUDIENCE)
                                .put("jwksFile", jwks.toString())
                                .put("rolesClaim", "groups"));
        try (AuthSetup setup = Await.result(AuthSetup.create(vertx, AuthConfig.from(json, dir)))) {
            String jwt = TestJwts.sign(
                    "RS256", "k", keys.getPrivate(), TestJwts.claims("frank").put("groups", "dc-admins"));
            assertThat(Await.result(setup.authorizer().require("Bearer " + jwt, Permissions.DELETE_TASKS))
                            .name())
                    .isEqualTo("frank");
            // The default tokens carry roles this policy does not define: authenticated, but forbidden.
            String admin = "Bearer " + setup.issuedTokens().get(0).token();
            assertThat(Await.refusal(setup.authorizer().require(admin, Permissions.READ_TASK))
                            .kind())
                    .isEqualTo(AuthException.Kind.FORBIDDEN);
        }
    }

    @Test
    void badPolicyOrNoMechanismStopsTheStart() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "roles:\n  a: [physical_provisioner:read]\n");
        Throwable failure = Await.failure(AuthSetup.create(
                vertx, AuthConfig.from(new JsonObject().put("policy", policy.toString()), dir)));
        assertThat(failure).isInstanceOf(PolicyException.class).hasMessageStartingWith(policy + ":2:");
        assertThatThrownBy(() ->
                        AuthConfig.from(new JsonObject().put("tokens", new JsonObject().put("enabled", false)), dir))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
