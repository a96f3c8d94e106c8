package io.slipway.api.auth;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route guards for Vert.x Web. {@code router.get(path).handler(auth.guard(perm)).handler(...)}
 * lets the request through with the {@link Principal} under {@link #PRINCIPAL} in the routing
 * context, or calls {@code ctx.fail(401 | 403, AuthException)} and leaves the response to the
 * router's failure handler. A 401 also carries {@code WWW-Authenticate: Bearer} (RFC 6750).
 *
 * <p>{@code /versions} and {@code /api/v1.0/health} are public: they get no guard. Thread-safe;
 * one instance serves every route and event loop.
 */
public final class AuthRoutes {
    /** The routing-context key of the authenticated {@link Principal}. */
    public static final String PRINCIPAL = "principal";

    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

    private final Authorizer authorizer;

    private AuthRoutes(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    public static AuthRoutes create(Authorizer authorizer) {
        return new AuthRoutes(authorizer);
    }

    /**
     * A handler requiring {@code permission}.
     *
     * @throws IllegalArgumentException at wiring time if the permission does not exist
     */
    public Handler<RoutingContext> guard(String permission) {
        Permissions.requireKnown(permission);
        return ctx -> {
            // Key fetches shared between event loops may complete on another loop; continue on ours.
            Context origin = Vertx.currentContext();
            authorizer
                    .require(ctx.request().getHeader(HttpHeaders.AUTHORIZATION), permission)
                    .onComplete(ar -> {
                        if (origin == null || Vertx.currentContext() == origin) {
                            proceed(ctx, ar);
                        } else {
                            origin.runOnContext(v -> proceed(ctx, ar));
                        }
                    });
        };
    }

    /**
     * Whether the request's principal (set by a guard) has a further permission; for checks that
     * depend on the body, like the action of {@code POST /tasks}. False without a principal.
     */
    public boolean permits(RoutingContext ctx, String permission) {
        return authorizer.allows(principal(ctx), permission);
    }

    /** The principal a guard put into the context, or {@code null} on unguarded routes. */
    public static Principal principal(RoutingContext ctx) {
        Object p = ctx.get(PRINCIPAL);
        return p instanceof Principal principal ? principal : null;
    }

    private static void proceed(RoutingContext ctx, AsyncResult<Principal> ar) {
        if (ar.succeeded()) {
            ctx.put(PRINCIPAL, ar.result());
            ctx.next();
        } else if (ar.cause() instanceof AuthException e) {
            LOG.debug("{} {} refused: {}", ctx.request().method(), ctx.request().path(), e.getMessage());
            if (e.kind() == AuthException.Kind.UNAUTHENTICATED) {
                ctx.response().putHeader("WWW-Authenticate", AuthException.CHALLENGE);
            }
            ctx.fail(e.status(), e);
        } else {
            ctx.fail(ar.cause());
        }
    }
}
