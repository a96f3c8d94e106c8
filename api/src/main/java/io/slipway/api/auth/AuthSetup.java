package io.slipway.api.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything authentication needs at startup, built from an {@link AuthConfig}: the policy
 * (bundled or the operator's file), the token store (created at first start), the JWT
 * authenticator, and from them the {@link Authorizer} and the route {@link AuthRoutes guards}.
 *
 * <p>{@link #issuedTokens} is non-empty only on the very first start; the caller prints those
 * tokens once to the console (never to a log) and forgets them. Call {@link #close} on shutdown.
 */
public final class AuthSetup implements AutoCloseable {
    private final Authorizer authorizer;
    private final AuthRoutes routes;
    private final List<IssuedToken> issuedTokens;
    private final JwtAuthenticator jwt;

    private AuthSetup(Authorizer authorizer, List<IssuedToken> issuedTokens, JwtAuthenticator jwt) {
        this.authorizer = authorizer;
        this.routes = AuthRoutes.create(authorizer);
        this.issuedTokens = List.copyOf(issuedTokens);
        this.jwt = jwt;
    }

    /**
     * Builds the stack; file reads run on worker threads. Fails with {@link PolicyException} for a bad
     * policy, {@link java.io.UncheckedIOException} for an unusable token file, or the JWT set-up's
     * error (see {@link JwtAuthenticator#create}).
     */
    public static Future<AuthSetup> create(Vertx vertx, AuthConfig config) {
        Future<Policy> policy = vertx.executeBlocking(
                () -> config.policyFile() == null ? Policy.bundled() : Policy.load(config.policyFile()), false);
        Future<TokenStore.Initialized> tokens = config.tokensEnabled()
                ? TokenStore.initialize(vertx, config.tokensFile())
                : Future.succeededFuture(null);
        Future<JwtAuthenticator> jwt =
                config.jwt() != null ? JwtAuthenticator.create(vertx, config.jwt()) : Future.succeededFuture(null);
        // join, not all: wait for every part, so a JWT client is closed even when the policy fails.
        return Future.join(policy, tokens, jwt)
                .map(all -> assemble(policy.result(), tokens.result(), jwt.result()))
                .onFailure(e -> {
                    if (jwt.succeeded() && jwt.result() != null) {
                        jwt.result().close();
                    }
                });
    }

    private static AuthSetup assemble(Policy policy, TokenStore.Initialized tokens, JwtAuthenticator jwt) {
        List<Authenticator> chain = new ArrayList<>();
        if (tokens != null) {
            chain.add(TokenAuthenticator.create(tokens.store()));
        }
        if (jwt != null) {
            chain.add(jwt);
        }
        Authenticator authenticator =
                chain.size() == 1 ? chain.get(0) : Authenticator.firstOf(chain.toArray(Authenticator[]::new));
        return new AuthSetup(
                Authorizer.create(authenticator, policy), tokens == null ? List.of() : tokens.issued(), jwt);
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    /** The guards to put before routes. */
    public AuthRoutes routes() {
        return routes;
    }

    /** Tokens created by this start, in plain text; empty except on the first start. */
    public List<IssuedToken> issuedTokens() {
        return issuedTokens;
    }

    @Override
    public void close() {
        if (jwt != null) {
            jwt.close();
        }
    }
}
