package io.slipway.drivers.ipmi;

import io.slipway.drivers.ipmi.client.IpmiClient;
import io.slipway.drivers.ipmi.client.IpmiClientOptions;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverProvider;
import io.slipway.drivers.spi.PowerPoller;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Provides the {@code ipmi} driver. Configuration keys: those of {@link IpmiClientOptions}, plus
 * {@code cipherSuite} (default {@code auto}), {@code pollIntervalMs} (default 500) and {@code
 * powerTimeoutMs} (default 30000) for power confirmation.
 */
public final class IpmiOobDriverProvider implements OobDriverProvider {

  @Override
  public String type() {
    return IpmiOobDriver.TYPE;
  }

  @Override
  public OobDriver create(Vertx vertx, JsonObject config) {
    IpmiClient client = IpmiClient.create(vertx, IpmiClientOptions.fromJson(config));
    PowerPoller poller =
        new PowerPoller(
            vertx,
            config.getLong("pollIntervalMs", 500L),
            config.getLong("powerTimeoutMs", 30_000L));
    return new IpmiOobDriver(client, poller, config.getString("cipherSuite", "auto"));
  }
}
