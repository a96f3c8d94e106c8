package io.slipway.drivers.spi.network;

import io.vertx.core.Future;

/**
 * Configures the switch ports a node's interfaces connect to: the provisioning configuration (PXE
 * network untagged) before commissioning and deployment, the production configuration (the design's
 * native and tagged VLANs) afterwards.
 *
 * <p>Seed actions: InterrogatePort → {@link #interrogate}; ConfigurePortProvisioning → {@link
 * #configureProvisioning}; ConfigurePortProduction → {@link #configureProduction}. Configuring a
 * port that already has the requested configuration succeeds without changing it. Futures complete
 * on a Vert.x context; failures are {@link io.slipway.drivers.spi.DriverException}s.
 */
public interface NetworkDriver {

    String type();

    /** Reads the port's current configuration and link state. Read-only. */
    Future<PortState> interrogate(PortRef port);

    /** Puts the port into provisioning mode ({@code config.nativeVlan} = the PXE network). Idempotent. */
    Future<PortState> configureProvisioning(PortRef port, PortConfig config);

    /** Puts the port into production mode (the design's VLANs). Idempotent. */
    Future<PortState> configureProduction(PortRef port, PortConfig config);
}
