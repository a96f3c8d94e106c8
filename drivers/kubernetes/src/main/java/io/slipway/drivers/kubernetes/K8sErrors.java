package io.slipway.drivers.kubernetes;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/**
 * Maps API server answers and transport errors to typed driver failures; the HTTP status is the
 * code.
 */
final class K8sErrors {

    private K8sErrors() {}

    static DriverException of(HttpResponse<Buffer> rsp, String what) {
        int status = rsp.statusCode();
        Kind kind = switch (status) {
            case 401, 403 -> Kind.AUTH;
            case 429 -> Kind.FAILED;
            default -> status >= 500 ? Kind.FAILED : Kind.REFUSED;
        };
        // a conflict is a concurrent writer: trying again sees the new object
        boolean retriable = status >= 500 || status == 429 || status == 409;
        return new DriverException(kind, retriable, what + ": HTTP " + status + message(rsp), status, null);
    }

    static DriverException of(Throwable err, String what) {
        return DriverException.fromTransport(err, what);
    }

    /** The {@code message} of a Kubernetes {@code Status} body, if there is one. */
    private static String message(HttpResponse<Buffer> rsp) {
        try {
            String m = new JsonObject(rsp.bodyAsString()).getString("message");
            return m == null ? "" : " (" + m + ")";
        } catch (RuntimeException notStatus) {
            return "";
        }
    }
}
