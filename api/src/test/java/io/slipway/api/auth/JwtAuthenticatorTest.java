package io.slipway.api.auth;

import static io.slipway.api.auth.TestJwts.AUDIENCE;
import static io.slipway.api.auth.TestJwts.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWTs from a JWKS file: algorithms, registered claims, roles, key rotation. */
class JwtAuthenticatorTest {
    private static final KeyPair RSA = TestJwts.rsa();
    private static final KeyPair EC = TestJwts.ec();
    private static Vertx vertx;

    @TempDir
    Path dir;

    private Path jwks;
    private JwtAuthenticator jwt;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        Await.result(vertx.close());
    }

    @BeforeEach
    void setUp() throws IOException {
        jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TestJwts.jwks(TestJwts.jwk("r1", RSA.getPublic()), TestJwts.jwk("e1", EC.getPublic())));
        jwt = Await.result(JwtAuthenticator.create(
                vertx, JwtConfig.withFile(ISSUER, AUDIENCE, jwks).withMinRefreshInterval(Duration.ZERO)));
    }

    @AfterEach
    void tearDown() {
        jwt.close();
    }

    @Test
    void acceptsRs256AndEs256() {
        Principal p = accept(TestJwts.sign("RS256", "r1", RSA.getPrivate(), TestJwts.claims("alice", "operator")));
        assertThat(p).isEqualTo(new Principal("alice", java.util.Set.of("operator")));
        assertThat(accept(TestJwts.sign("ES256", "e1", EC.getPrivate(), TestJwts.claims("bob", "reader")))
                        .roles())
                .containsExactly("reader");
        assertThat(accept(TestJwts.sign("ES256", null, EC.getPrivate(), TestJwts.claims("carol")))
                        .roles())
                .isEmpty();
    }

    @Test
    void refusesWrongIssuerAudienceAndTimes() {
        long now = System.currentTimeMillis() / 1000;
        assertThat(refuse(TestJwts.claims("a").put("iss", "https://evil.example")))
                .contains("issued by");
        assertThat(refuse(TestJwts.claims("a").put("aud", "other"))).contains("audience");
        assertThat(refuse(
                        TestJwts.claims("a").put("aud", new JsonArray().add("x").add("y"))))
                .contains("audience");
        assertThat(refuse(TestJwts.claims("a").put("exp", now - 120))).isEqualTo("the JWT has expired");
        assertThat(refuse(TestJwts.claims("a").put("nbf", now + 600))).isEqualTo("the JWT is not valid yet");
        assertThat(refuse(TestJwts.claims("a").putNull("exp"))).isEqualTo("the JWT has no 'exp'");
        assertThat(refuse(TestJwts.claims("a").put("exp", "tomorrow"))).contains("not a number");
        JsonObject anonymous = TestJwts.claims("a");
        anonymous.remove("sub");
        assertThat(refuse(anonymous)).isEqualTo("the JWT has no 'sub'");
    }

    @Test
    void toleratesSmallClockSkewAndAudienceLists() {
        long now = System.currentTimeMillis() / 1000;
        accept(TestJwts.sign(
                "RS256",
                "r1",
                RSA.getPrivate(),
                TestJwts.claims("a").put("exp", now - 20).put("nbf", now + 20)));
        accept(TestJwts.sign(
                "RS256",
                "r1",
                RSA.getPrivate(),
                TestJwts.claims("a").put("aud", new JsonArray().add("account").add(AUDIENCE))));
    }

    @Test
    void refusesBadSignaturesAndForeignAlgorithms() {
        String good = TestJwts.sign("RS256", "r1", RSA.getPrivate(), TestJwts.claims("a"));
        String tampered = good.substring(0, good.indexOf('.') + 1)
                + TestJwts.b64(TestJwts.claims("a", "admin").encode().getBytes())
                + good.substring(good.lastIndexOf('.'));
        assertThat(Await.refusal(jwt.authenticate("Bearer " + tampered)).getMessage())
                .contains("signature");
        String otherKey = TestJwts.sign("RS256", "r1", TestJwts.rsa().getPrivate(), TestJwts.claims("a"));
        assertThat(Await.refusal(jwt.authenticate("Bearer " + otherKey)).getMessage())
                .contains("signature");
        String unsigned = good.substring(0, good.lastIndexOf('.') + 1);
        assertThat(Await.refusal(jwt.authenticate("Bearer " + unsigned)).getMessage())
                .contains("signature");

        String none = TestJwts.b64("{\"alg\":\"none\"}".getBytes()) + "."
                + TestJwts.b64(TestJwts.claims("a").encode().getBytes()) + ".";
        assertThat(Await.refusal(jwt.authenticate("Bearer " + none)).getMessage())
                .contains("'none' is not accepted");
        String hs = TestJwts.b64("{\"alg\":\"HS256\",\"kid\":\"r1\"}".getBytes()) + "." + TestJwts.b64("{}".getBytes())
                + ".c2ln";
        assertThat(Await.refusal(jwt.authenticate("Bearer " + hs)).getMessage()).contains("'HS256' is not accepted");
        assertThat(Await.refusal(jwt.authenticate("Bearer abc.def")).getMessage())
                .isEqualTo("the bearer credential is not a JWT");
        assertThat(Await.refusal(jwt.authenticate("Bearer a.b.c")).getMessage()).isEqualTo("the JWT is malformed");
    }

    @Test
    void unknownKeyIdIsRefusedUntilTheKeySetHasIt() throws IOException {
        KeyPair rotated = TestJwts.rsa();
        String token = TestJwts.sign("RS256", "r2", rotated.getPrivate(), TestJwts.claims("dave", "admin"));
        assertThat(Await.refusal(jwt.authenticate("Bearer " + token)).getMessage())
                .isEqualTo("the JWT is signed with an unknown key 'r2'");
        Files.writeString(jwks, TestJwts.jwks(TestJwts.jwk("r2", rotated.getPublic())));
        assertThat(accept(token).name()).isEqualTo("dave");
    }

    @Test
    void rolesMayComeFromANestedClaim() throws IOException {
        JwtAuthenticator keycloak = Await.result(JwtAuthenticator.create(
                vertx, JwtConfig.withFile(ISSUER, AUDIENCE, jwks).withRolesClaim("realm_access.roles")));
        try {
            JsonObject claims = TestJwts.claims("erin")
                    .put(
                            "realm_access",
                            new JsonObject()
                                    .put(
                                            "roles",
                                            new JsonArray().add("operator").add("offline_access")));
            Principal p = Await.result(
                    keycloak.authenticate("Bearer " + TestJwts.sign("ES256", "e1", EC.getPrivate(), claims)));
            assertThat(p.roles()).containsExactlyInAnyOrder("operator", "offline_access");
            Authorizer authorizer = Authorizer.create(keycloak, Policy.bundled());
            assertThat(authorizer.allows(p, Permissions.forTaskAction("deploy_nodes")))
                    .isTrue();
            assertThat(authorizer.allows(p, Permissions.DELETE_TASKS)).isFalse();
        } finally {
            keycloak.close();
        }
    }

    @Test
    void unreadableKeyFileFailsStartup() throws IOException {
        assertThat(Await.failure(
                        JwtAuthenticator.create(vertx, JwtConfig.withFile(ISSUER, AUDIENCE, dir.resolve("none")))))
                .isNotNull();
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}");
        assertThat(Await.failure(JwtAuthenticator.create(vertx, JwtConfig.withFile(ISSUER, AUDIENCE, junk))))
                .hasMessageContaining("no RSA or P-256 signature key");
    }

    private Principal accept(String token) {
        return Await.result(jwt.authenticate("Bearer " + token));
    }

    private String refuse(JsonObject claims) {
        AuthException e =
                Await.refusal(jwt.authenticate("Bearer " + TestJwts.sign("RS256", "r1", RSA.getPrivate(), claims)));
        assertThat(e.kind()).isEqualTo(AuthException.Kind.UNAUTHENTICATED);
        return e.getMessage();
    }
}
