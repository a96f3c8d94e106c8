package io.slipway.api.auth;

/**
 * Why a request was refused. {@link Kind#UNAUTHENTICATED} (HTTP 401): no credentials, or ones that
 * do not check out. {@link Kind#FORBIDDEN} (HTTP 403): a known principal without the permission.
 *
 * <p>Messages are meant for the client: they say what was wrong (expired, wrong audience, missing
 * permission) but never echo the credential itself.
 */
public final class AuthException extends RuntimeException {

    /** The two ways to be refused. */
    public enum Kind {
        UNAUTHENTICATED(401),
        FORBIDDEN(403);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The {@code WWW-Authenticate} value to send with a 401 (RFC 6750 §3). */
    public static final String CHALLENGE = "Bearer realm=\"slipway\"";

    private final Kind kind;

    public AuthException(Kind kind, String message) {
        // No stack trace: these are expected outcomes, produced per request, never bugs to trace.
        super(message, null, false, false);
        this.kind = kind;
    }

    public static AuthException unauthenticated(String message) {
        return new AuthException(Kind.UNAUTHENTICATED, message);
    }

    public static AuthException forbidden(String message) {
        return new AuthException(Kind.FORBIDDEN, message);
    }

    public Kind kind() {
        return kind;
    }

    /** 401 or 403. */
    public int status() {
        return kind.status();
    }
}
