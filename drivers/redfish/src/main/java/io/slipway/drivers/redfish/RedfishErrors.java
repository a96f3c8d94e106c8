package io.slipway.drivers.redfish;

import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.DriverException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** Maps HTTP outcomes to typed driver failures; the HTTP status is the completion code. */
final class RedfishErrors {

  private RedfishErrors() {}

  static DriverException of(HttpResponse<Buffer> rsp, String what) {
    int status = rsp.statusCode();
    Kind kind =
        switch (status) {
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


  /** The Redfish error message, if the body carries one. */
  private static String message(String body) {
    try {
      JsonObject error =
          new JsonObject(body == null ? "{}" : body).getJsonObject("error", new JsonObject());
      JsonArray info = error.getJsonArray("@Message.ExtendedInfo", new JsonArray());
      String m =
          !info.isEmpty() ? info.getJsonObject(0).getString("Message") : error.getString("message");
      return m == null ? "" : " (" + m + ")";
    } catch (RuntimeException notJson) {
      return "";
    }
  }
}
