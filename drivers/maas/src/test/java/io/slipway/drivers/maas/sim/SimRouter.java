package io.slipway.drivers.maas.sim;

import io.vertx.core.MultiMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes requests the way MAAS's Django resolver does: the path is matched against MAAS's own URL
 * patterns ({@code src/test/resources/maas/urls_api.patterns}, vendored from {@code
 * src/maasserver/urls_api.py}) in their order, so a trailing slash is significant and anything no
 * pattern claims falls to {@code not_found_handler} → 404 "Unknown API endpoint: …" ({@code
 * src/maasserver/api/not_found.py:10-12}). A matched view answers an unknown method/{@code op} pair with
 * 400 "Unrecognised signature: method=… op=…" ({@code OperationsResource.dispatch}, {@code
 * src/maasserver/api/support.py:358-370}).
 */
final class SimRouter {
    static final String PATTERNS = "/maas/urls_api.patterns";

    /** One request as a handler sees it: named path groups, parameters (query and form merged), the caller's role. */
    record Exchange(String method, String path, String op, Map<String, String> groups, MultiMap params, boolean admin) {
        String group(String name) {
            return groups.get(name);
        }

        int intGroup(String name) {
            try {
                return Integer.parseInt(group(name));
            } catch (NumberFormatException e) {
                throw new SimError(404, "Not Found");
            }
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

        /** {@code @admin_method} and the handlers' {@code is_superuser} checks ({@code api/support.py:201-216}). */
        Exchange requireAdmin() {
            if (!admin) {
                throw new SimError(403, "This method is reserved for admin users.");
            }
            return this;
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

    /** One of MAAS's URL patterns: its line in {@code urls_api.py}, view name, compiled regex and group names. */
    record MaasRoute(int line, String view, Pattern pattern, List<String> groupNames) {}

    static final List<MaasRoute> MAAS_ROUTES = load();
    private final Map<String, Handler> handlers = new HashMap<>();

    /** Registers {@code handler} for MAAS view {@code view}; {@code op} null matches requests without an op only. */
    SimRouter on(String method, String op, String view, Handler handler) {
        if (MAAS_ROUTES.stream().noneMatch(r -> r.view.equals(view))) {
            throw new IllegalArgumentException("MAAS has no view " + view);
        }
        handlers.put(key(view, method, op), handler);
        return this;
    }

    Object dispatch(String method, String fullPath, String path, MultiMap params, boolean admin) {
        String op = params.get("op");
        for (MaasRoute r : MAAS_ROUTES) {
            Matcher m = r.pattern.matcher(path);
            if (!m.find()) {
                continue;
            }
            if (r.view.equals("not_found_handler")) {
                throw new SimError(404, "Unknown API endpoint: " + fullPath + ".");
            }
            Handler h = handlers.get(key(r.view, method, op));
            if (h == null) {
                throw new SimError(400, "Unrecognised signature: method=" + method + " op=" + op);
            }
            Map<String, String> groups = new HashMap<>();
            for (int i = 0; i < r.groupNames.size(); i++) {
                groups.put(r.groupNames.get(i), m.group(i + 1));
            }
            return h.handle(new Exchange(method, path, op, groups, params, admin));
        }
        throw new IllegalStateException("MAAS's catch-all pattern is missing");
    }

    /** The MAAS view a path resolves to (for tests of the route table itself). */
    static String view(String path) {
        return MAAS_ROUTES.stream()
                .filter(r -> r.pattern.matcher(path).find())
                .findFirst()
                .orElseThrow()
                .view;
    }

    private static String key(String view, String method, String op) {
        return view + " " + method + " " + op;
    }

    private static List<MaasRoute> load() {
        List<MaasRoute> routes = new ArrayList<>();
        try (var in = SimRouter.class.getResourceAsStream(PATTERNS);
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split("\t", 3);
                    routes.add(compile(Integer.parseInt(f[0]), f[1], f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(routes);
    }

    /** Python's {@code (?P<name>…)} becomes a plain group; names are kept in order. */
    private static MaasRoute compile(int line, String view, String python) {
        List<String> names = new ArrayList<>();
        Matcher named = Pattern.compile("\\(\\?P<(\\w+)>").matcher(python);
        StringBuilder java = new StringBuilder();
        while (named.find()) {
            names.add(named.group(1));
            named.appendReplacement(java, "(");
        }
        named.appendTail(java);
        return new MaasRoute(line, view, Pattern.compile(java.toString()), List.copyOf(names));
    }
}
