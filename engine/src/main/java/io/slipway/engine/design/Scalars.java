package io.slipway.engine.design;

import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** YAML 1.1 scalar typing, as the resolver tagged each plain scalar. */
final class Scalars {
    private Scalars() {}

    static Object value(ScalarNode node) {
        Tag tag = node.getTag();
        String v = node.getValue();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return switch (v.toLowerCase()) {
                case "true", "yes", "on", "y" -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
        }
        if (Tag.INT.equals(tag)) {
            Long parsed = parseInt(v);
            return parsed == null ? v : parsed;
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return Double.valueOf(v.replace("_", ""));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }

    /** YAML 1.1 integers: sign, underscores, 0x hex, 0b binary, leading-zero octal. */
    static Long parseInt(String raw) {
        String s = raw.replace("_", "");
        int sign = 1;
        if (s.startsWith("-") || s.startsWith("+")) {
            sign = s.startsWith("-") ? -1 : 1;
            s = s.substring(1);
        }
        try {
            long v;
            if (s.startsWith("0x")) {
                v = Long.parseLong(s.substring(2), 16);
            } else if (s.startsWith("0b")) {
                v = Long.parseLong(s.substring(2), 2);
            } else if (s.length() > 1 && s.startsWith("0")) {
                v = Long.parseLong(s.substring(1), 8);
            } else {
                v = Long.parseLong(s);
            }
            return sign * v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** How a value is named in a type error, like JSON Schema validators do. */
    static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
