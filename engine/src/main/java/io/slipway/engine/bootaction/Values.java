package io.slipway.engine.bootaction;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How template values print. Scalars print plainly; booleans, lists and maps print the way Drydock's
 * Jinja templates print them ({@code True}, {@code ['a', 'b']}, {@code {'k': 'v'}}), so designs
 * written for Drydock render the same text.
 */
final class Values {

    private Values() {}

    static String format(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof List<?> l) {
            return l.stream().map(Values::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream()
                    .map(e -> literal(e.getKey()) + ": " + literal(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    private static String literal(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return format(value);
    }
}
