package io.slipway.api.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in design text and design JSON for callers without {@code slipway:read_secrets}:
 * the value of every key named like a secret ({@code credential}, {@code password}, ...) becomes
 * {@code "***"}, and so does the {@code data} of a document whose {@code storagePolicy} is
 * {@code encrypted} (Deckhand's secret documents). Text keeps its layout, comments and line count
 * where it can (block values of a secret key collapse to one line). Pure functions; thread-safe.
 */
final class Secrets {
    static final String MASK = "***";
    private static final Set<String> KEYS = Set.of(
            "credential",
            "credentials",
            "password",
            "passwd",
            "passphrase",
            "secret",
            "token",
            "api_key",
            "apikey",
            "private_key",
            "privatekey");
    private static final String KEY_ALT = "credentials?|password|passwd|passphrase|secret|token|api_?key|private_?key";
    private static final Pattern BLOCK =
            Pattern.compile("^(\\s*(?:-\\s+)?)([\"']?)(" + KEY_ALT + ")\\2(\\s*:)(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FLOW = Pattern.compile(
            "([{,]\\s*)([\"']?)(" + KEY_ALT + ")\\2(\\s*:\\s*)" + "(\"[^\"]*\"|'[^']*'|[^,}\\]]*?)(\\s*[,}\\]])",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern DATA = Pattern.compile("^data\\s*:.*$");
    private static final Pattern ENCRYPTED =
            Pattern.compile("^\\s+storagePolicy\\s*:\\s*[\"']?encrypted[\"']?\\s*(#.*)?$");

    private Secrets() {}

    /** Whether a JSON or YAML key (or the last segment of a dotted path) names a secret. */
    static boolean isSecret(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return KEYS.contains(last.toLowerCase(Locale.ROOT));
    }

    /** The YAML text with every secret value masked. */
    static String text(String yaml) {
        String[] lines = yaml.split("\n", -1);
        StringBuilder out = new StringBuilder(yaml.length());
        int skipDeeperThan = -1;
        boolean encrypted = encrypted(lines, 0);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int indent = indent(line);
            if (skipDeeperThan >= 0 && (line.isBlank() || indent > skipDeeperThan)) {
                continue; // a continuation or nested block of a masked value
            }
            skipDeeperThan = -1;
            Matcher m = BLOCK.matcher(line);
            if (line.startsWith("---")) {
                encrypted = encrypted(lines, i + 1);
            } else if (encrypted && DATA.matcher(line).matches()) {
                skipDeeperThan = 0;
                line = "data: '" + MASK + "'";
                out.append(line).append(i < lines.length - 1 ? "\n" : "");
                continue;
            }
            if (m.matches()) {
                String value = m.group(5).trim();
                if (value.isEmpty() || value.startsWith("|") || value.startsWith(">") || value.startsWith("#")) {
                    skipDeeperThan = m.group(1).length();
                }
                line = m.group(1) + m.group(2) + m.group(3) + m.group(2) + m.group(4) + " '" + MASK + "'";
            } else {
                line = FLOW.matcher(line)
                        .replaceAll(r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + r.group(3) + r.group(2)
                                + r.group(4) + "'" + MASK + "'" + r.group(6)));
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** A copy of a design document (or any JSON) with secret values masked. */
    static JsonObject json(JsonObject doc) {
        JsonObject out = new JsonObject();
        boolean encrypted = doc.getValue("metadata") instanceof JsonObject meta
                && "encrypted".equals(meta.getValue("storagePolicy"));
        for (Map.Entry<String, Object> e : doc) {
            if ((encrypted && e.getKey().equals("data") || isSecret(e.getKey())) && e.getValue() != null) {
                out.put(e.getKey(), masked(e.getValue()));
            } else {
                out.put(e.getKey(), walk(e.getValue()));
            }
        }
        return out;
    }

    static JsonArray json(JsonArray list) {
        JsonArray out = new JsonArray();
        list.forEach(v -> out.add(walk(v)));
        return out;
    }

    private static Object walk(Object v) {
        return v instanceof JsonObject o ? json(o) : v instanceof JsonArray a ? json(a) : v;
    }

    /** Diff entries keep their shape ({@code from}/{@code to}); anything else becomes the mask. */
    private static Object masked(Object v) {
        if (v instanceof JsonObject o && (o.containsKey("from") || o.containsKey("to"))) {
            return new JsonObject()
                    .put("from", o.getValue("from") == null ? null : MASK)
                    .put("to", o.getValue("to") == null ? null : MASK);
        }
        return MASK;
    }

    /** Whether the document starting at line {@code from} is stored encrypted (a Deckhand secret). */
    private static boolean encrypted(String[] lines, int from) {
        for (int i = from; i < lines.length && !lines[i].startsWith("---"); i++) {
            if (ENCRYPTED.matcher(lines[i]).matches()) {
                return true;
            }
        }
        return false;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
