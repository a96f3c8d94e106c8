package io.slipway.engine.bootaction;

import java.util.Objects;

/**
 * Why a boot-action fetch or report was refused. Every failure of {@link BootActionService} is one
 * of these, so the API maps {@link #kind()} to a status and no path ends in a 500.
 *
 * <p>Messages name the node, boot action and asset path involved; they never contain the identity
 * key or a stack trace, so they are safe to return to the node.
 */
public final class BootActionProblem extends RuntimeException {

    /** What went wrong, with the HTTP status the API answers with. */
    public enum Kind {
        /** No such node, context, task or action id. */
        NOT_FOUND(404),
        /** No identity key was presented. */
        UNAUTHORIZED(401),
        /** The key is not 64 hex digits or is not this node's key. */
        FORBIDDEN(403),
        /** The action's status is final, or the context does not match its pinned revision. */
        CONFLICT(409),
        /** The request or the pinned design cannot be processed: an asset does not render, a bad status. */
        UNPROCESSABLE(422),
        /** The database is unreachable; the same request may succeed later. */
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The HTTP status for this kind. */
        public int status() {
            return status;
        }
    }

    private final Kind kind;

    private BootActionProblem(Kind kind, String message, Throwable cause) {
        super(message, cause, false, cause != null);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public static BootActionProblem of(Kind kind, String message) {
        return new BootActionProblem(kind, message, null);
    }

    public static BootActionProblem of(Kind kind, String message, Throwable cause) {
        return new BootActionProblem(kind, message, cause);
    }

    public static BootActionProblem notFound(String message) {
        return of(Kind.NOT_FOUND, message);
    }

    /** An asset of {@code action} at {@code path} could not be rendered, and why. */
    public static BootActionProblem asset(String action, String path, String why) {
        return of(Kind.UNPROCESSABLE, "boot action " + action + ", asset " + path + ": " + why);
    }

    public Kind kind() {
        return kind;
    }

    /** True when the same request may succeed later without any change. */
    public boolean retryable() {
        return kind == Kind.UNAVAILABLE;
    }
}
