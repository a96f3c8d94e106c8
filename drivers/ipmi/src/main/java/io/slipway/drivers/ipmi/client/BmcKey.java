package io.slipway.drivers.ipmi.client;

import io.slipway.drivers.spi.Credentials;

/**
 * Identifies one BMC session slot: sessions are reused per endpoint, user and password.
 *
 * @param host the BMC's address in normalised literal form (see {@link Addresses})
 * @param cipherSuite {@code 3}, {@code 17} or {@code auto}
 */
public record BmcKey(String host, int port, Credentials credentials, String cipherSuite) {

    public String endpoint() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return endpoint() + " as " + credentials.username();
    }
}
