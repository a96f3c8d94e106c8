package io.slipway.engine.net;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A storage size: {@code >?<number><unit>} with decimal (m, g, t), binary (mi, gi, ti) units, or a
 * percentage of the device/VG. {@code >} means "at least this, take the rest".
 *
 * @param bytes absolute size, or -1 for a percentage
 * @param percent the percentage (may be negative), or null for absolute sizes
 */
public record Size(String text, boolean atLeast, long bytes, Double percent) {
    private static final Pattern FORMAT = Pattern.compile("^(>?)\\s*(-?\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*|%)$");

    /** Returns the size, or null when {@code text} is not a size. */
    public static Size parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        boolean atLeast = !m.group(1).isEmpty();
        double n = Double.parseDouble(m.group(2));
        if (m.group(3).equals("%")) {
            return new Size(text, atLeast, -1, n);
        }
        long unit = unit(m.group(3));
        return unit < 0 ? null : new Size(text, atLeast, (long) (n * unit), null);
    }

    private static long unit(String u) {
        return switch (u.toLowerCase()) {
            case "m", "mb" -> 1_000_000L;
            case "g", "gb" -> 1_000_000_000L;
            case "t", "tb" -> 1_000_000_000_000L;
            case "mi", "mib" -> 1L << 20;
            case "gi", "gib" -> 1L << 30;
            case "ti", "tib" -> 1L << 40;
            default -> -1;
        };
    }

    public boolean relative() {
        return percent != null;
    }
}
