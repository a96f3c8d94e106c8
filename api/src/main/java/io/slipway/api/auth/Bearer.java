package io.slipway.api.auth;

import java.util.Locale;

/** Reads {@code Authorization: Bearer <credential>} (RFC 6750 §2.1; the scheme is case-insensitive). */
final class Bearer {
    private static final String SCHEME = "bearer ";

    private Bearer() {}

    /** The credential, or {@code null} if the header is absent, another scheme, or empty. */
    static String token(String header) {
        if (header == null || header.length() <= SCHEME.length()) {
            return null;
        }
        if (!header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return null;
        }
        String token = header.substring(SCHEME.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** The failure for a request without a usable bearer credential. */
    static AuthException missing(String header) {
        return AuthException.unauthenticated(
                header == null
                        ? "authentication required: send 'Authorization: Bearer <token>'"
                        : "the Authorization header must use the Bearer scheme");
    }
}
