package io.slipway.api.auth;

import static io.slipway.api.auth.TestJwts.AUDIENCE;
import static io.slipway.api.auth.TestJwts.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWKS fetched from a loopback HTTP server: rotation, coalesced refreshes, rate limit, failures. */
class JwksUrlTest {
    private static final KeyPair FIRST = TestJwts.rsa();
    private static final KeyPair SECOND = TestJwts.ec();
    private static Vertx vertx;
    private static HttpServer server;
    private static final AtomicReference<String> served = new AtomicReference<>();
    private static final AtomicInteger status = new AtomicInteger(200);
    private static final AtomicLong delayMs = new AtomicLong(1);
    private static final AtomicInteger fetches = new AtomicInteger();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = Await.result(vertx.createHttpServer()
                .requestHandler(req -> {
                    fetches.incrementAndGet();
                    vertx.setTimer(
                            delayMs.get(),
                            t -> req.response()
                                    .setStatusCode(status.get())
                                    .putHeader("Content-Type", "application/json")
                                    .end(served.get()));
                })
                .listen(0, "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        Await.result(vertx.close());
    }

    @BeforeEach
    void reset() {
        served.set(TestJwts.jwks(TestJwts.jwk("k1", FIRST.getPublic())));
        status.set(200);
        delayMs.set(1);
        fetches.set(0);
    }

    @Test
    void keysAreFetchedOnceAndRefreshedWhenTheProviderRotates() {
        try (JwtAuthenticator jwt = create(Duration.ZERO)) {
            assertThat(fetches.get()).isEqualTo(1);
            assertThat(login(jwt, FIRST, "RS256", "k1").name()).isEqualTo("alice");
            assertThat(login(jwt, FIRST, "RS256", "k1").name()).isEqualTo("alice");
            assertThat(fetches.get()).isEqualTo(1);

            served.set(TestJwts.jwks(TestJwts.jwk("k2", SECOND.getPublic())));
            assertThat(login(jwt, SECOND, "ES256", "k2").roles()).containsExactly("operator");
            assertThat(fetches.get()).isEqualTo(2);
        }
    }

    @Test
    void concurrentUnknownKeysShareOneFetch() {
        try (JwtAuthenticator jwt = create(Duration.ZERO)) {
            served.set(TestJwts.jwks(TestJwts.jwk("k2", SECOND.getPublic())));
            delayMs.set(200);
            String token = TestJwts.sign("ES256", "k2", SECOND.getPrivate(), TestJwts.claims("bob", "reader"));
            List<Future<Principal>> all = IntStream.range(0, 5)
                    .mapToObj(i -> jwt.authenticate("Bearer " + token))
                    .toList();
            Await.result(Future.all(all));
            assertThat(fetches.get()).isEqualTo(2);
        }
    }

    @Test
    void madeUpKeyIdsCannotHammerTheProvider() {
        try (JwtAuthenticator jwt = create(Duration.ofMinutes(5))) {
            for (int i = 0; i < 5; i++) {
                String token = TestJwts.sign("RS256", "bogus" + i, FIRST.getPrivate(), TestJwts.claims("mallory"));
                assertThat(Await.refusal(jwt.authenticate("Bearer " + token)).kind())
                        .isEqualTo(AuthException.Kind.UNAUTHENTICATED);
            }
            assertThat(fetches.get()).isEqualTo(1);
        }
    }

    @Test
    void providerErrorsAndTimeoutsAreRefusalsNotCrashes() {
        status.set(503);
        try (JwtAuthenticator jwt = create(Duration.ZERO)) {
            assertThat(Await.refusal(jwt.authenticate("Bearer " + token(FIRST, "RS256", "k1")))
                            .kind())
                    .isEqualTo(AuthException.Kind.UNAUTHENTICATED);
            status.set(200);
            assertThat(login(jwt, FIRST, "RS256", "k1").name()).isEqualTo("alice");
        }
        delayMs.set(5_000);
        long start = System.nanoTime();
        JwtConfig slow = new JwtConfig(
                ISSUER,
                AUDIENCE,
                null,
                url(),
                "roles",
                "sub",
                Duration.ofSeconds(60),
                Duration.ofMillis(300),
                Duration.ZERO);
        try (JwtAuthenticator jwt = Await.result(JwtAuthenticator.create(vertx, slow))) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(Await.refusal(jwt.authenticate("Bearer " + token(FIRST, "RS256", "k1")))
                            .getMessage())
                    .contains("unknown key 'k1'");
        }
    }

    @Test
    void keysAreNeverFetchedOverPlainHttpFromAnotherHost() {
        assertThatThrownBy(() -> JwtConfig.withUrl(ISSUER, AUDIENCE, URI.create("http://idp.example/certs")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
        assertThat(JwtConfig.withUrl(ISSUER, AUDIENCE, URI.create("https://idp.example/certs"))
                        .jwksUrl())
                .isNotNull();
    }

    private static JwtAuthenticator create(Duration minRefresh) {
        return Await.result(JwtAuthenticator.create(
                vertx, JwtConfig.withUrl(ISSUER, AUDIENCE, url()).withMinRefreshInterval(minRefresh)));
    }

    private static URI url() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/realms/dc1/certs");
    }

    private static String token(KeyPair keys, String alg, String kid) {
        return TestJwts.sign(alg, kid, keys.getPrivate(), TestJwts.claims("alice", "operator"));
    }

    private static Principal login(JwtAuthenticator jwt, KeyPair keys, String alg, String kid) {
        return Await.result(jwt.authenticate("Bearer " + token(keys, alg, kid)));
    }
}
