package io.slipway.engine.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Small pure helpers rule files import with {@code import function}. */
public final class Checks {
    private static final Pattern LABEL = Pattern.compile("(?i)[a-z0-9-]{1,63}");
    // Debian version: [epoch:]upstream[-revision]; the revision is optional.
    private static final Pattern DEB_VERSION = Pattern.compile("(\\d+:)?[a-zA-Z0-9.+~-]+(-[a-zA-Z0-9.+~]+)?");

    private Checks() {}

    /** Labels of {@code fqdn} that RFC 1035 forbids (empty when all are valid). */
    public static List<String> badLabels(String fqdn) {
        List<String> bad = new ArrayList<>();
        for (String label : fqdn.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                bad.add(label);
            }
        }
        return bad;
    }

    public static boolean validPackageVersion(String version) {
        return version == null || DEB_VERSION.matcher(version).matches();
    }

    /** Keys of {@code required} absent (or empty) in {@code params}, in the order given. */
    public static List<String> missingKeys(java.util.Map<String, String> params, List<String> required) {
        List<String> out = new ArrayList<>();
        for (String k : required) {
            String v = params.get(k);
            if (v == null || v.isBlank()) {
                out.add(k);
            }
        }
        return out;
    }

    public static String percent(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Names as the rules print them: sorted, comma-separated. */
    public static String names(java.util.Collection<?> names) {
        return names.stream()
                .map(String::valueOf)
                .sorted()
                .distinct()
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
