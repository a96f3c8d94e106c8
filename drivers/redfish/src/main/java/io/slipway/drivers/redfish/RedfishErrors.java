package io.slipway.drivers.redfish;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** Maps HTTP outcomes to typed driver failures; the HTTP status is the completion code. */
final class RedfishErrors {

    private RedfishErrors() {}

    static DriverException of(HttpResponse<Buffer> rsp, String what) {
        int status = rsp.statusCode();
        Kind kind = switch (status) {
            case 401, 403 -> Kind.AUTH;
            case 400, 409, 412 -> Kind.REFUSED;
            case 405, 501 -> Kind.UNSUPPORTED;
            default -> Kind.FAILED;
        };
        boolean retriable = status == 429 || status >= 500 && status != 501;
        return new DriverException(
                kind, retriable, what + ": HTTP " + status + message(rsp.bodyAsString()), status, null);
    }

    static DriverException of(Throwable err, String what) {
        return DriverException.fromTransport(err, what);
    }

    /**
     * The BMC's own explanation: the Redfish error message when the body is a Redfish error, else
     * the start of a plain-text or HTML body (many BMCs answer 401 from their web server, not from
     * the Redfish service).
     */
    static String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonObject error = new JsonObject(body).getJsonObject("error", new JsonObject());
            JsonArray info = error.getJsonArray("@Message.ExtendedInfo", new JsonArray());
            String m = !info.isEmpty() ? info.getJsonObject(0).getString("Message") : null;
            if (m == null) {
                m = error.getString("message");
            }
            return m == null ? "" : " (" + m + ")";
        } catch (RuntimeException notJson) {
            String text = body.replaceAll("(?s)<(script|style).*?</\\1>", " ")
                    .replaceAll("<[^>]*>", " ")
                    .replaceAll("\\s+", " ")
                    .trim();
            return text.isEmpty() ? "" : " (" + (text.length() > 200 ? text.substring(0, 200) : text) + ")";
        }
    }
}
