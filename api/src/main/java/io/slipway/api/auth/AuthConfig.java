package io.slipway.api.auth;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * The {@code auth} subtree of {@code slipway.yaml}.
 *
 * @param policyFile the operator's policy; {@code null} for the one bundled in the jar
 * @param tokensEnabled whether static API tokens are accepted
 * @param tokensFile where token hashes live (created with default tokens at first start)
 * @param jwt how to accept JWTs; {@code null} when no identity provider is configured
 */
public record AuthConfig(Path policyFile, boolean tokensEnabled, Path tokensFile, JwtConfig jwt) {

    public AuthConfig {
        if (!tokensEnabled && jwt == null) {
            throw new IllegalArgumentException(
                    "auth: enable tokens or configure auth.jwt; the API would refuse everyone");
        }
        if (tokensEnabled && tokensFile == null) {
            throw new IllegalArgumentException("auth.tokens.file is required when tokens are enabled");
        }
    }

    /** Tokens in {@code <dataDir>/tokens.yaml}, the bundled policy, no JWT. */
    public static AuthConfig defaults(Path dataDir) {
        return new AuthConfig(null, true, dataDir.resolve("tokens.yaml"), null);
    }

    /**
     * Reads {@code policy} (path), {@code tokens.enabled} (default true), {@code tokens.file}
     * (default {@code <dataDir>/tokens.yaml}) and {@code jwt} (see {@link JwtConfig#from}).
     */
    public static AuthConfig from(JsonObject json, Path dataDir) {
        JsonObject tokens = json.getJsonObject("tokens", new JsonObject());
        String policy = json.getString("policy");
        String tokensFile = tokens.getString("file");
        JsonObject jwt = json.getJsonObject("jwt");
        return new AuthConfig(
                policy == null ? null : Path.of(policy),
                tokens.getBoolean("enabled", true),
                tokensFile == null ? dataDir.resolve("tokens.yaml") : Path.of(tokensFile),
                jwt == null ? null : JwtConfig.from(jwt));
    }
}
