package io.slipway.api.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;

/** Checks the registered claims of a verified JWT (RFC 7519 §4.1) and reads name and roles. */
final class JwtClaims {
    private JwtClaims() {}

    /**
     * @param now seconds since the epoch
     * @throws AuthException UNAUTHENTICATED naming the first claim that does not hold
     */
    static Principal check(JsonObject claims, JwtConfig config, long now) {
        long skew = config.clockSkew().toSeconds();
        if (!config.issuer().equals(claims.getValue("iss"))) {
            throw AuthException.unauthenticated(
                    "the JWT was issued by '" + claims.getValue("iss") + "', not by '" + config.issuer() + "'");
        }
        if (!audienceMatches(claims.getValue("aud"), config.audience())) {
            throw AuthException.unauthenticated("the JWT is not meant for audience '" + config.audience() + "'");
        }
        Long exp = seconds(claims, "exp");
        if (exp == null) {
            // A token that never expires is a standing credential; an identity provider never needs one.
            throw AuthException.unauthenticated("the JWT has no 'exp'");
        }
        if (now > exp + skew) {
            throw AuthException.unauthenticated("the JWT has expired");
        }
        Long nbf = seconds(claims, "nbf");
        if (nbf != null && now + skew < nbf) {
            throw AuthException.unauthenticated("the JWT is not valid yet");
        }
        Object name = claims.getValue(config.nameClaim());
        if (!(name instanceof String n) || n.isBlank()) {
            throw AuthException.unauthenticated("the JWT has no '" + config.nameClaim() + "'");
        }
        return new Principal(n, roles(claims, config.rolesClaim()));
    }

    /** Roles at a dotted path; a missing claim means no roles (the principal gets 403, not 401). */
    static Set<String> roles(JsonObject claims, String path) {
        Object node = claims;
        for (String step : path.split("\\.")) {
            node = node instanceof JsonObject o ? o.getValue(step) : null;
        }
        Set<String> roles = new LinkedHashSet<>();
        if (node instanceof String s) {
            roles.add(s);
        } else if (node instanceof JsonArray a) {
            a.forEach(r -> {
                if (r instanceof String s) {
                    roles.add(s);
                }
            });
        }
        return roles;
    }

    private static boolean audienceMatches(Object aud, String expected) {
        return aud instanceof String s ? s.equals(expected) : aud instanceof JsonArray a && a.contains(expected);
    }

    private static Long seconds(JsonObject claims, String claim) {
        Object v = claims.getValue(claim);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw AuthException.unauthenticated("the JWT claim '" + claim + "' is not a number");
        }
        return n.longValue();
    }
}
