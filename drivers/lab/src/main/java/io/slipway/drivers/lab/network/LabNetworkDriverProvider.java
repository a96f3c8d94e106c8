package io.slipway.drivers.lab.network;

import io.slipway.drivers.spi.network.NetworkDriver;
import io.slipway.drivers.spi.network.NetworkDriverProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Provides the {@code lab} network driver. Keys ({@code drivers.network.lab}): {@code latencyMs}
 * (time a port change takes, default 0) and {@code timeoutMs} (bound for a hung change, default
 * 30000).
 */
public final class LabNetworkDriverProvider implements NetworkDriverProvider {

  @Override
  public String type() {
    return LabNetworkDriver.TYPE;
  }

  @Override
  public NetworkDriver create(Vertx vertx, JsonObject config) {
    JsonObject c = config == null ? new JsonObject() : config;
    return LabNetworkDriver.create(
        vertx, c.getLong("latencyMs", 0L), c.getLong("timeoutMs", 30_000L));
  }
}
