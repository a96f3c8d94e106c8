package io.slipway.drivers.maas.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.vertx.core.MultiMap;

/** A small route table for the simulator: method, optional {@code op}, path pattern relative to {@code api/2.0/}. */
final class SimRouter {

  /** One request as a handler sees it: path groups and parameters (query and form merged). */
  record Exchange(String method, String path, String op, List<String> groups, MultiMap params) {
    String group(int i) {
      return groups.get(i - 1);
    }

    int intGroup(int i) {
      return Integer.parseInt(group(i));
    }

    String param(String name) {
      return params.get(name);
    }

    String required(String name) {
      String v = params.get(name);
      if (v == null || v.isBlank()) {
        throw new SimError(400, "{\"" + name + "\": [\"This field is required.\"]}");
      }
      return v;
    }
  }

  /** An error answer: HTTP status and the body MAAS would send. */
  static final class SimError extends RuntimeException {
    final int status;

    SimError(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  interface Handler {
    Object handle(Exchange x);
  }

  private record Route(String method, String op, Pattern pattern, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  /** Registers {@code handler}; {@code op} null matches requests without an op only. */
  SimRouter on(String method, String op, String regex, Handler handler) {
    routes.add(new Route(method, op, Pattern.compile(regex + "/?"), handler));
    return this;
  }

  Object dispatch(String method, String path, MultiMap params) {
    String op = params.get("op");
    boolean pathKnown = false;
    for (Route r : routes) {
      Matcher m = r.pattern.matcher(path);
      if (!m.matches()) {
        continue;
      }
      pathKnown = true;
      if (r.method.equals(method) && java.util.Objects.equals(r.op, op)) {
        List<String> groups = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
          groups.add(m.group(i));
        }
        return r.handler.handle(new Exchange(method, path, op, groups, params));
      }
    }
    throw pathKnown ? new SimError(400, "Unrecognised signature: method=" + method + " op=" + op)
        : new SimError(404, "Not Found");
  }
}
