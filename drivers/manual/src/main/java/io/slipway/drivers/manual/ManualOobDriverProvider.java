package io.slipway.drivers.manual;

import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** Provides the {@code manual} driver. Configuration: {@code confirmTimeoutMs} (default 1 hour). */
public final class ManualOobDriverProvider implements OobDriverProvider {

  @Override
  public String type() {
    return ManualOobDriver.TYPE;
  }

  @Override
  public OobDriver create(Vertx vertx, JsonObject config) {
    return new ManualOobDriver(vertx, config.getLong("confirmTimeoutMs", 3_600_000L));
  }
}
