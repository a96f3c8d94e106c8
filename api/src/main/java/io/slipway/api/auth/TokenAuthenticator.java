package io.slipway.api.auth;

import io.vertx.core.Future;

/**
 * Accepts the static bearer tokens of a {@link TokenStore}. Thread-safe, non-blocking (one SHA-256
 * per request).
 */
public final class TokenAuthenticator implements Authenticator {
    private final TokenStore store;

    private TokenAuthenticator(TokenStore store) {
        this.store = store;
    }

    public static TokenAuthenticator create(TokenStore store) {
        return new TokenAuthenticator(store);
    }

    @Override
    public Future<Principal> authenticate(String authorizationHeader) {
        String token = Bearer.token(authorizationHeader);
        if (token == null) {
            return Future.failedFuture(Bearer.missing(authorizationHeader));
        }
        return store.lookup(token)
                .map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(AuthException.unauthenticated("unknown API token")));
    }
}
