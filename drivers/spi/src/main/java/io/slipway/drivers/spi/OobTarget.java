package io.slipway.drivers.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach one node's management controller.
 *
 * <p>The engine builds a target from the node's {@code oob} section: {@code address} is the
 * controller's IP or host name, {@code port} its port (0 means the driver's default, e.g. 623 for
 * IPMI, 443 for Redfish), and {@code options} carries driver-specific settings as strings (e.g.
 * {@code cipherSuite=3} for IPMI, {@code scheme=http} or {@code systemId=1} for Redfish). Drivers
 * ignore options they do not know.
 */
public record OobTarget(String address, int port, Credentials credentials, Map<String, String> options) {

    public OobTarget {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public static OobTarget of(String address, int port, Credentials credentials) {
        return new OobTarget(address, port, credentials, Map.of());
    }

    /** The port, or {@code defaultPort} when none was given. */
    public int portOr(int defaultPort) {
        return port == 0 ? defaultPort : port;
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /** A copy with one option added or replaced. */
    public OobTarget withOption(String key, String value) {
        var copy = new java.util.HashMap<>(options);
        copy.put(key, value);
        return new OobTarget(address, port, credentials, copy);
    }

    /** A copy pointing at another address and port, keeping credentials and options. */
    public OobTarget withEndpoint(String newAddress, int newPort) {
        return new OobTarget(newAddress, newPort, credentials, options);
    }

    @Override
    public String toString() {
        return address + ":" + port;
    }
}
