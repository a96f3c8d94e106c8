package io.slipway.drivers.spi;

import java.util.OptionalInt;

/**
 * A typed driver failure, delivered as the failure of a driver's {@code Future}.
 *
 * <p>The engine records it in the task result and decides about retries from {@link #kind()} and
 * {@link #retriable()}; it never becomes an HTTP error. When the controller answered with an error
 * code (an IPMI completion code, an HTTP status), {@link #completionCode()} carries it.
 */
public class DriverException extends RuntimeException {

    /** What went wrong, coarse enough for the engine to act on. */
    public enum Kind {
        /** Nothing answered at the address (connection refused, no route, name not found). */
        UNREACHABLE,
        /** The controller rejected the credentials or the privilege they carry. */
        AUTH,
        /** No answer within the configured bound. */
        TIMEOUT,
        /** The controller or driver does not support the request. */
        UNSUPPORTED,
        /** The controller understood the request and refused it (bad state, invalid data). */
        REFUSED,
        /** Anything else, including malformed answers. */
        FAILED
    }

    private final Kind kind;
    private final boolean retriable;
    private final Integer completionCode;

    public DriverException(Kind kind, boolean retriable, String message, Integer completionCode, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retriable = retriable;
        this.completionCode = completionCode;
    }

    public DriverException(Kind kind, boolean retriable, String message) {
        this(kind, retriable, message, null, null);
    }

    public static DriverException unreachable(String message, Throwable cause) {
        return new DriverException(Kind.UNREACHABLE, true, message, null, cause);
    }

    public static DriverException auth(String message) {
        return new DriverException(Kind.AUTH, false, message);
    }

    public static DriverException timeout(String message) {
        return new DriverException(Kind.TIMEOUT, true, message);
    }

    public static DriverException unsupported(String message) {
        return new DriverException(Kind.UNSUPPORTED, false, message);
    }

    public static DriverException failed(String message) {
        return new DriverException(Kind.FAILED, true, message);
    }

    /**
     * Classifies a transport failure of a call described by {@code what}: connection refused, no
     * route, unknown host or a closed channel → UNREACHABLE; an expired bound → TIMEOUT (both
     * retriable); a TLS failure → FAILED, not retriable (retrying cannot fix a certificate); anything
     * else → FAILED, retriable. A {@code DriverException} is returned unchanged.
     */
    public static DriverException fromTransport(Throwable err, String what) {
        if (err instanceof DriverException de) {
            return de;
        }
        String text = what + ": " + err.getMessage();
        if (err instanceof java.net.ConnectException
                || err instanceof java.net.NoRouteToHostException
                || err instanceof java.net.UnknownHostException
                || err instanceof java.nio.channels.ClosedChannelException) {
            return unreachable(text, err);
        }
        if (err instanceof java.util.concurrent.TimeoutException
                || err.getClass().getSimpleName().contains("Timeout")) {
            return timeout(text);
        }
        if (err instanceof javax.net.ssl.SSLException || err.getCause() instanceof javax.net.ssl.SSLException) {
            return new DriverException(
                    Kind.FAILED, false, text + " (TLS verification failed? check the CA settings)", null, err);
        }
        return new DriverException(Kind.FAILED, true, text, null, err);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retriable() {
        return retriable;
    }

    /** The controller's own error code, when it sent one. */
    public OptionalInt completionCode() {
        return completionCode == null ? OptionalInt.empty() : OptionalInt.of(completionCode);
    }

    @Override
    public String toString() {
        String cc = completionCode == null ? "" : String.format(" (code 0x%02X)", completionCode);
        return "DriverException[" + kind + (retriable ? ", retriable" : "") + "]: " + getMessage() + cc;
    }
}
