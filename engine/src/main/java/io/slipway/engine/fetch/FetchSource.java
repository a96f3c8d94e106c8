package io.slipway.engine.fetch;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * One place the server may fetch from: a URL prefix (scheme, host, port and path prefix), whether
 * redirects inside it are followed, whether it may resolve to a loopback, link-local or metadata
 * address, and the {@code Authorization} header sent to it and only to it.
 *
 * @param prefix e.g. {@code https://deckhand.example:9000/api/v1.0/}; a URL matches when its scheme,
 *     host and port are equal and its path starts with the prefix's path
 * @param followRedirects follow redirects whose target matches this same source (never another origin)
 * @param allowInternal allow addresses that are loopback, link-local, site-local or cloud metadata
 * @param authorization the header value sent to this source, or null
 */
public record FetchSource(URI prefix, boolean followRedirects, boolean allowInternal, String authorization) {
    private static final Set<String> KEYS = Set.of(
            "url",
            "follow_redirects",
            "allow_internal",
            "bearer_token",
            "bearer_token_file",
            "basic_user",
            "basic_password_file");

    /** Reads one entry of {@code fetch.sources}; unknown keys and bad values fail naming the key. */
    public static FetchSource fromJson(JsonObject o) {
        for (String k : o.fieldNames()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("fetch.sources: unknown key '" + k + "' (one of " + KEYS + ")");
            }
        }
        Object url = o.getValue("url");
        if (!(url instanceof String u) || u.isBlank()) {
            throw new IllegalArgumentException("fetch.sources: every source needs a url");
        }
        URI prefix = URI.create(u.startsWith("deckhand+") ? u.substring("deckhand+".length()) : u);
        String scheme = prefix.getScheme() == null ? "" : prefix.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || prefix.getHost() == null) {
            throw new IllegalArgumentException("fetch.sources: url " + u + " must be http(s)://host[:port][/path]");
        }
        if (prefix.getUserInfo() != null) {
            throw new IllegalArgumentException("fetch.sources: url " + prefix.getHost()
                    + " must not carry user:password@;" + " use basic_user and basic_password_file");
        }
        return new FetchSource(
                prefix,
                o.getBoolean("follow_redirects", false),
                o.getBoolean("allow_internal", false),
                authorization(o));
    }

    private static String authorization(JsonObject o) {
        String token = o.getString("bearer_token");
        if (o.getString("bearer_token_file") != null) {
            token = read(o.getString("bearer_token_file"));
        }
        if (token != null) {
            return "Bearer " + token.strip();
        }
        if (o.getString("basic_user") != null) {
            String password = o.getString("basic_password_file") == null
                    ? ""
                    : read(o.getString("basic_password_file")).strip();
            String pair = o.getString("basic_user") + ":" + password;
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(
                    "fetch.sources: cannot read credential file " + file + ": " + e.getMessage());
        }
    }

    /** Whether {@code uri} (already without user info) lies inside this source. */
    public boolean matches(URI uri) {
        return prefix.getScheme().equalsIgnoreCase(uri.getScheme())
                && prefix.getHost().equalsIgnoreCase(uri.getHost())
                && port(prefix) == port(uri)
                && path(uri).startsWith(path(prefix));
    }

    /** Whether the source names its host as an IP literal (then it is listed as that very address). */
    boolean hostIsLiteral() {
        String h = prefix.getHost();
        return h.startsWith("[") || h.matches("[0-9.]+");
    }

    static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String path(URI u) {
        return u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    }

    @Override
    public String toString() {
        return prefix + (authorization == null ? "" : " (with credentials)");
    }
}
