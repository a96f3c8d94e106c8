package io.slipway.api.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who made a request: a token's name or a JWT subject, and the roles the policy maps to
 * permissions. Immutable.
 *
 * @param name the token name ({@code admin}) or the JWT name claim ({@code sub} by default)
 * @param roles role names; roles the policy does not define are kept but grant nothing
 */
public record Principal(String name, Set<String> roles) {

    public Principal {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    /** The name alone, so task records and log lines that print a principal show who it was. */
    @Override
    public String toString() {
        return name;
    }
}
