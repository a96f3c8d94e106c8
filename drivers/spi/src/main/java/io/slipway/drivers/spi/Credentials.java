package io.slipway.drivers.spi;

import java.util.Objects;

/**
 * User name and secret for a management controller.
 *
 * <p>{@link #toString()} never prints the secret, so credentials can appear in logs and task
 * results without leaking.
 */
public record Credentials(String username, String password) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public static Credentials of(String username, String password) {
        return new Credentials(username, password);
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
