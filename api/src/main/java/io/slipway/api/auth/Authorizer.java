package io.slipway.api.auth;

import io.vertx.core.Future;
import java.util.Objects;

/**
 * Decides whether a request may do something: authenticates the {@code Authorization} header, then
 * checks the principal's roles against the {@link Policy}. Immutable, thread-safe, non-blocking.
 *
 * <p>Permission arguments must be names from {@link Permissions}; anything else throws {@link
 * IllegalArgumentException}, because that is a wiring bug, not a refused request.
 */
public final class Authorizer {
    private final Authenticator authenticator;
    private final Policy policy;

    private Authorizer(Authenticator authenticator, Policy policy) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public static Authorizer create(Authenticator authenticator, Policy policy) {
        return new Authorizer(authenticator, policy);
    }

    /** Whether the policy grants {@code permission} to any of the principal's roles. */
    public boolean allows(Principal principal, String permission) {
        Permissions.requireKnown(permission);
        return principal != null && policy.grants(principal.roles(), permission);
    }

    /**
     * Authenticates and checks in one step.
     *
     * @return the principal; or a failed future with {@link AuthException}: UNAUTHENTICATED for
     *     missing or invalid credentials, FORBIDDEN for a valid principal lacking the permission
     */
    public Future<Principal> require(String authorizationHeader, String permission) {
        Permissions.requireKnown(permission);
        return authenticator.authenticate(authorizationHeader).compose(p -> check(p, permission));
    }

    /**
     * Checks an already authenticated principal, e.g. the action permission of {@code POST /tasks}
     * inside the handler; FORBIDDEN if it lacks it.
     */
    public Future<Principal> check(Principal principal, String permission) {
        if (allows(principal, permission)) {
            return Future.succeededFuture(principal);
        }
        String who = principal == null ? "the request" : "'" + principal.name() + "'";
        return Future.failedFuture(AuthException.forbidden(who + " lacks the permission " + permission));
    }

    public Policy policy() {
        return policy;
    }
}
