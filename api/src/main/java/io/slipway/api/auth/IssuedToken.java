package io.slipway.api.auth;

import java.util.Set;

/**
 * A token just generated, in plain text. It exists only in memory and only once: the store keeps
 * its hash, so whoever receives this must show it to the operator and then drop it.
 *
 * @param name what the token is called in the token file and in task records
 * @param roles the policy roles it carries
 * @param token the secret, 32 random bytes in base64url (43 characters)
 */
public record IssuedToken(String name, Set<String> roles, String token) {

    public IssuedToken {
        roles = Set.copyOf(roles);
    }

    /** Leaves the secret out, so logging the record by mistake leaks nothing. */
    @Override
    public String toString() {
        return "IssuedToken[name=" + name + ", roles=" + roles + ", token=<redacted>]";
    }
}
