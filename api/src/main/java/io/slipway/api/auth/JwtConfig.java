package io.slipway.api.auth;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * How to accept JWTs from an external identity provider, read from the {@code auth.jwt} subtree.
 *
 * @param issuer the exact {@code iss} tokens must carry
 * @param audience a value {@code aud} must equal or contain
 * @param jwksFile the provider's signing keys as a JWKS file (exactly one of file and URL)
 * @param jwksUrl where to fetch the JWKS; {@code https}, or {@code http} on loopback only
 * @param rolesClaim where the roles are, dotted for nesting ({@code roles}, {@code
 *     realm_access.roles})
 * @param nameClaim the claim naming the principal ({@code sub} by default)
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param fetchTimeout bound on one JWKS fetch
 * @param minRefreshInterval least time between two refreshes triggered by unknown key ids, so that
 *     tokens with made-up key ids cannot make Slipway hammer the provider
 */
public record JwtConfig(
        String issuer,
        String audience,
        Path jwksFile,
        URI jwksUrl,
        String rolesClaim,
        String nameClaim,
        Duration clockSkew,
        Duration fetchTimeout,
        Duration minRefreshInterval) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public JwtConfig {
        require(issuer, "issuer");
        require(audience, "audience");
        require(rolesClaim, "rolesClaim");
        require(nameClaim, "nameClaim");
        if ((jwksFile == null) == (jwksUrl == null)) {
            throw new IllegalArgumentException("auth.jwt needs exactly one of jwksFile and jwksUrl");
        }
        if (jwksUrl != null && !secure(jwksUrl)) {
            // Keys fetched over plain HTTP could be swapped in transit, and with them every identity.
            throw new IllegalArgumentException("auth.jwt.jwksUrl must be https (http only on loopback): " + jwksUrl);
        }
    }

    /** Keys from a file; defaults for the rest. */
    public static JwtConfig withFile(String issuer, String audience, Path jwksFile) {
        return new JwtConfig(
                issuer,
                audience,
                jwksFile,
                null,
                "roles",
                "sub",
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }

    /** Keys from a URL; defaults for the rest. */
    public static JwtConfig withUrl(String issuer, String audience, URI jwksUrl) {
        return new JwtConfig(
                issuer,
                audience,
                null,
                jwksUrl,
                "roles",
                "sub",
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }

    /**
     * Reads {@code issuer}, {@code audience}, {@code jwksFile} or {@code jwksUrl} (required) and
     * {@code rolesClaim}, {@code nameClaim}, {@code clockSkewMs}, {@code fetchTimeoutMs}, {@code
     * minRefreshMs} (optional).
     */
    public static JwtConfig from(JsonObject json) {
        String file = json.getString("jwksFile");
        String url = json.getString("jwksUrl");
        return new JwtConfig(
                json.getString("issuer"),
                json.getString("audience"),
                file == null ? null : Path.of(file),
                url == null ? null : URI.create(url),
                json.getString("rolesClaim", "roles"),
                json.getString("nameClaim", "sub"),
                millis(json, "clockSkewMs", 60_000),
                millis(json, "fetchTimeoutMs", 5_000),
                millis(json, "minRefreshMs", 30_000));
    }

    public JwtConfig withRolesClaim(String claim) {
        return new JwtConfig(
                issuer, audience, jwksFile, jwksUrl, claim, nameClaim, clockSkew, fetchTimeout, minRefreshInterval);
    }

    public JwtConfig withMinRefreshInterval(Duration interval) {
        return new JwtConfig(
                issuer, audience, jwksFile, jwksUrl, rolesClaim, nameClaim, clockSkew, fetchTimeout, interval);
    }

    private static boolean secure(URI url) {
        String scheme = String.valueOf(url.getScheme());
        return scheme.equals("https") || scheme.equals("http") && LOOPBACK.contains(String.valueOf(url.getHost()));
    }

    private static void require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("auth.jwt." + key + " is required");
        }
    }

    private static Duration millis(JsonObject json, String key, long defaultMs) {
        long value = json.getLong(key, defaultMs);
        if (value < 0) {
            throw new IllegalArgumentException("auth.jwt." + key + " must not be negative");
        }
        return Duration.ofMillis(value);
    }
}
