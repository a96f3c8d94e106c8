package io.slipway.api.auth;

import io.vertx.core.Future;
import java.util.List;

/**
 * Turns the {@code Authorization} header of a request into a {@link Principal}.
 *
 * <p>Contract: callable from any event-loop thread, concurrently; never blocks (file reads and key
 * fetches run asynchronously). The future fails with {@link AuthException} of kind {@code
 * UNAUTHENTICATED} when the header is missing, not {@code Bearer}, or the credential is not
 * accepted; any other failure is an internal fault (the caller answers 500).
 *
 * <p>Implementations: {@link TokenAuthenticator} (static API tokens), {@link JwtAuthenticator}
 * (an external identity provider), and {@link #firstOf} to accept either.
 */
public interface Authenticator {

    /**
     * @param authorizationHeader the raw header value, {@code null} when the request had none
     */
    Future<Principal> authenticate(String authorizationHeader);

    /**
     * Tries each authenticator in order and answers with the first that accepts the credential
     * (Slipway uses tokens, then JWT). If all refuse, the failure joins their reasons.
     */
    static Authenticator firstOf(Authenticator... authenticators) {
        return new CompositeAuthenticator(List.of(authenticators));
    }
}
