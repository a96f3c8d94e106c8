package io.slipway.store;

/**
 * The one failure type of every store operation, delivered as the failure of the returned future.
 *
 * <p>Callers switch on {@link #kind()}; only {@link Kind#UNAVAILABLE} is worth retrying as is.
 * Failures that fit no kind (a bug such as malformed SQL) are not wrapped and reach the caller
 * unchanged.
 */
public final class StoreException extends RuntimeException {

    /** What went wrong, in domain terms. */
    public enum Kind {
        /** A unique key is taken, or the row changed since it was read (optimistic concurrency). */
        CONFLICT,
        /**
         * The database cannot be reached now (refused, lost connection, shutting down, pool closed).
         */
        UNAVAILABLE,
        /** The addressed row does not exist. */
        NOT_FOUND,
        /**
         * The write carried a fencing epoch that is no longer current: the writer is not the leader.
         */
        FENCED
    }

    private final Kind kind;

    private StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static StoreException conflict(String message) {
        return new StoreException(Kind.CONFLICT, message, null);
    }

    public static StoreException conflict(String message, Throwable cause) {
        return new StoreException(Kind.CONFLICT, message, cause);
    }

    public static StoreException unavailable(String message, Throwable cause) {
        return new StoreException(Kind.UNAVAILABLE, message, cause);
    }

    public static StoreException notFound(String message) {
        return new StoreException(Kind.NOT_FOUND, message, null);
    }

    public static StoreException notFound(String message, Throwable cause) {
        return new StoreException(Kind.NOT_FOUND, message, cause);
    }

    public static StoreException fenced(Fence stale) {
        return new StoreException(
                Kind.FENCED, "write rejected: epoch " + stale.epoch() + " is no longer current", null);
    }

    public Kind kind() {
        return kind;
    }

    /** True when the same call may succeed later without any change by the caller. */
    public boolean retryable() {
        return kind == Kind.UNAVAILABLE;
    }
}
