package io.slipway.drivers.maas.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The {@code Authorization} header MAAS expects: OAuth 1.0 with the PLAINTEXT signature method
 * (RFC 5849 §3.4.4), so no request signing is needed. Values are percent-encoded as §3.5.1 asks;
 * MAAS decodes them before comparing. Thread-safe.
 */
public final class OAuthHeader {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OAuthHeader() {}

    /** A fresh header (new nonce, current time) for one request. */
    public static String of(MaasApiKey key) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return of(key, HexFormat.of().formatHex(nonce), System.currentTimeMillis() / 1000);
    }

    static String of(MaasApiKey key, String nonce, long epochSeconds) {
        return "OAuth oauth_version=\"1.0\""
                + ", oauth_signature_method=\"PLAINTEXT\""
                + ", oauth_consumer_key=\"" + encode(key.consumerKey()) + "\""
                + ", oauth_token=\"" + encode(key.tokenKey()) + "\""
                + ", oauth_signature=\"" + encode("&" + key.tokenSecret()) + "\""
                + ", oauth_nonce=\"" + encode(nonce) + "\""
                + ", oauth_timestamp=\"" + epochSeconds + "\"";
    }

    private static String encode(String value) {
        // RFC 3986 unreserved set: URLEncoder differs only for space and '*'
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
    }
}
