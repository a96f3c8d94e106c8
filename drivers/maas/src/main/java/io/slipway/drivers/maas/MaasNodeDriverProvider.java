package io.slipway.drivers.maas;

import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeDriverProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Provides the {@code maas} node driver. Configuration keys (see {@link MaasConfig}): {@code url},
 * {@code apiKey} (required), {@code requestTimeoutMs} (30000), {@code commissionTimeoutMs}
 * (1800000), {@code deployTimeoutMs} (2700000), {@code releaseTimeoutMs} (1800000), {@code
 * pollIntervalMs} (10000), {@code architecture} ({@code amd64/generic}), {@code quickErase} (true).
 * Creating a driver does no I/O; a missing or malformed required key fails at once with {@link
 * IllegalArgumentException}.
 */
public final class MaasNodeDriverProvider implements NodeDriverProvider {

  @Override
  public String type() {
    return MaasNodeDriver.TYPE;
  }

  @Override
  public NodeDriver create(Vertx vertx, JsonObject config) {
    return new MaasNodeDriver(vertx, MaasConfig.from(config));
  }
}
