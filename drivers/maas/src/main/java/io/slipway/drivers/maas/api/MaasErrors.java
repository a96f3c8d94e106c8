package io.slipway.drivers.maas.api;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;

/** Turns HTTP answers and transport failures into {@link DriverException}s. */
final class MaasErrors {
    private static final int MAX_BODY = 500;

    private MaasErrors() {}

    /**
     * 401/403 → AUTH; other 4xx → REFUSED carrying MAAS's own message; 5xx → FAILED, retriable. The
     * HTTP status is the completion code in every case.
     */
    static DriverException fromStatus(int status, String body, String what) {
        String message = what + ": MAAS answered " + status + (body.isBlank() ? "" : " - " + trim(body));
        if (status == 401 || status == 403) {
            return new DriverException(Kind.AUTH, false, message, status, null);
        }
        if (status < 500) {
            return new DriverException(Kind.REFUSED, false, message, status, null);
        }
        return new DriverException(Kind.FAILED, true, message, status, null);
    }

    /** Connection problems → UNREACHABLE, an expired request bound → TIMEOUT (both retriable). */
    static DriverException fromTransport(Throwable t, String what) {
        return DriverException.fromTransport(t, what + " (MAAS)");
    }

    static DriverException malformed(String what, Throwable cause) {
        return new DriverException(
                Kind.FAILED, false, what + ": malformed answer from MAAS: " + cause.getMessage(), null, cause);
    }

    private static String trim(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_BODY ? flat : flat.substring(0, MAX_BODY) + "...";
    }
}
