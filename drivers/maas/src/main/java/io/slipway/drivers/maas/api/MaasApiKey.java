package io.slipway.drivers.maas.api;

/**
 * A MAAS API key, {@code consumer:token:secret} as MAAS prints it. The consumer secret is always
 * empty for MAAS keys, which is why the PLAINTEXT signature is {@code "&" + secret}.
 */
public record MaasApiKey(String consumerKey, String tokenKey, String tokenSecret) {

    /** Parses {@code consumer:token:secret}; fails with {@link IllegalArgumentException} otherwise. */
    public static MaasApiKey parse(String key) {
        String[] parts = key == null ? new String[0] : key.trim().split(":");
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("MAAS API key must be consumer:token:secret");
        }
        return new MaasApiKey(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        // keeps the secret out of logs and exception messages
        return "MaasApiKey[" + consumerKey + ":" + tokenKey + ":***]";
    }
}
