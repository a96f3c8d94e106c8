package io.slipway.drivers.kubernetes;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
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
    Kind kind =
        switch (status) {
          case 401, 403 -> Kind.AUTH;
          case 429 -> Kind.FAILED;
          default -> status >= 500 ? Kind.FAILED : Kind.REFUSED;
        };
    // a conflict is a concurrent writer: trying again sees the new object
    boolean retriable = status >= 500 || status == 429 || status == 409;
    return new DriverException(
        kind, retriable, what + ": HTTP " + status + message(rsp), status, null);
  }

  static DriverException of(Throwable err, String what) {
    if (err instanceof DriverException de) {
      return de;
    }
    String text = what + ": " + err.getMessage();
    if (err instanceof ConnectException
        || err instanceof NoRouteToHostException
        || err instanceof UnknownHostException) {
      return DriverException.unreachable(text, err);
    }
    if (err instanceof TimeoutException || err.getClass().getSimpleName().contains("Timeout")) {
      return DriverException.timeout(text);
    }
    if (err instanceof SSLException || err.getCause() instanceof SSLException) {
      return new DriverException(
          Kind.FAILED, false, text + " (TLS verification failed? see caPem)", null, err);
    }
    return new DriverException(Kind.FAILED, true, text, null, err);
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
