package io.slipway.drivers.maas.sim;

import io.vertx.core.MultiMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OAuth 1.0 PLAINTEXT check MAAS makes ({@code src/maasserver/api/auth.py}: the six {@code oauth_*}
 * parameters; piston3's PLAINTEXT signature {@code &<token secret>}), against the simulator's two keys.
 */
final class SimAuth {
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private SimAuth() {}

    /** True for the admin key, false for the user key, null when the OAuth PLAINTEXT header matches neither. */
    static Boolean role(String header) {
        if (header == null || !header.startsWith("OAuth ")) {
            return null;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            p.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
        }
        if (!"PLAINTEXT".equals(p.get("oauth_signature_method"))
                || !p.containsKey("oauth_nonce")
                || !p.containsKey("oauth_timestamp")) {
            return null;
        }
        for (String k : List.of(MaasSimulator.API_KEY, MaasSimulator.USER_KEY)) {
            String[] key = k.split(":");
            if (key[0].equals(p.get("oauth_consumer_key"))
                    && key[1].equals(p.get("oauth_token"))
                    && ("&" + key[2]).equals(p.get("oauth_signature"))) {
                return k.equals(MaasSimulator.API_KEY);
            }
        }
        return null;
    }

    static Map<String, List<String>> copy(MultiMap params) {
        Map<String, List<String>> map = new HashMap<>();
        params.names().forEach(n -> map.put(n, List.copyOf(params.getAll(n))));
        return map;
    }
}
