package io.slipway.api.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;

/**
 * Accepts JWTs signed RS256 or ES256 by an external identity provider, checking issuer, audience,
 * {@code exp} and {@code nbf} (with {@link JwtConfig#clockSkew}). Roles come from {@link
 * JwtConfig#rolesClaim}.
 *
 * <p>Signing keys come from a JWKS file (read through Vert.x's file system, off the event loop) or
 * URL (Vert.x WebClient, bounded by {@link JwtConfig#fetchTimeout}); they are cached and fetched
 * again when a token names an unknown key id. Thread-safe and non-blocking. Call {@link #close}
 * when done, to release the HTTP client.
 */
public final class JwtAuthenticator implements Authenticator, AutoCloseable {
    private final JwtConfig config;
    private final JwksCache keys;
    private final WebClient client;

    private JwtAuthenticator(JwtConfig config, JwksCache keys, WebClient client) {
        this.config = config;
        this.keys = keys;
        this.client = client;
    }

    /**
     * Builds the authenticator and loads the keys once. A JWKS file that cannot be read or parsed
     * fails the future (a configuration error). An unreachable JWKS URL does not: the identity
     * provider may start after Slipway, so the keys are fetched again on the first token.
     */
    public static Future<JwtAuthenticator> create(Vertx vertx, JwtConfig config) {
        JwtAuthenticator auth = config.jwksFile() != null ? fromFile(vertx, config) : fromUrl(vertx, config);
        Future<JwkSet> first = auth.keys.refresh();
        return config.jwksFile() != null ? first.map(auth) : first.transform(ar -> Future.succeededFuture(auth));
    }

    private static JwtAuthenticator fromFile(Vertx vertx, JwtConfig config) {
        String path = config.jwksFile().toString();
        JwksCache cache = new JwksCache(
                path, () -> vertx.fileSystem().readFile(path).map(Buffer::toString), config.minRefreshInterval());
        return new JwtAuthenticator(config, cache, null);
    }

    private static JwtAuthenticator fromUrl(Vertx vertx, JwtConfig config) {
        WebClient client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout((int) config.fetchTimeout().toMillis())
                        .setFollowRedirects(false));
        String url = config.jwksUrl().toString();
        JwksCache cache = new JwksCache(
                url,
                () -> client.getAbs(url)
                        .timeout(config.fetchTimeout().toMillis())
                        .putHeader("Accept", "application/json")
                        .send()
                        .compose(resp -> resp.statusCode() == 200
                                ? Future.succeededFuture(resp.bodyAsString())
                                : Future.failedFuture("HTTP " + resp.statusCode())),
                config.minRefreshInterval());
        return new JwtAuthenticator(config, cache, client);
    }

    @Override
    public Future<Principal> authenticate(String authorizationHeader) {
        String token = Bearer.token(authorizationHeader);
        if (token == null) {
            return Future.failedFuture(Bearer.missing(authorizationHeader));
        }
        Jwt jwt;
        try {
            jwt = Jwt.parse(token);
        } catch (AuthException e) {
            return Future.failedFuture(e);
        }
        return keys.candidates(jwt.kid(), jwt.keyType()).compose(candidates -> verify(jwt, candidates));
    }

    private Future<Principal> verify(Jwt jwt, List<JwkSet.Jwk> candidates) {
        if (candidates.stream().noneMatch(k -> jwt.verifiedBy(k.key()))) {
            return Future.failedFuture(AuthException.unauthenticated("the JWT signature does not verify"));
        }
        try {
            return Future.succeededFuture(JwtClaims.check(jwt.claims(), config, System.currentTimeMillis() / 1000));
        } catch (AuthException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
