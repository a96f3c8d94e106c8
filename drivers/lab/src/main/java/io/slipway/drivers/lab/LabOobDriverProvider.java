package io.slipway.drivers.lab;

import io.slipway.drivers.ipmi.IpmiOobDriverProvider;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Provides the {@code lab} driver. Its configuration is passed to the embedded IPMI driver, with
 * loopback-friendly defaults (200 ms attempts, 50 ms power polling) where keys are missing.
 */
public final class LabOobDriverProvider implements OobDriverProvider {

  static final JsonObject DEFAULTS =
      new JsonObject()
          .put("attemptTimeoutMs", 200)
          .put("retries", 4)
          .put("maxRtoMs", 200) // in-JVM BMCs answer at once: no back-off, a dead one fails in 1 s
          .put("pollIntervalMs", 50)
          .put("powerTimeoutMs", 10_000)
          .put("cipherSuite", "3");

  @Override
  public String type() {
    return LabOobDriver.TYPE;
  }

  @Override
  public OobDriver create(Vertx vertx, JsonObject config) {
    JsonObject ipmi = DEFAULTS.copy().mergeIn(config == null ? new JsonObject() : config);
    return new LabOobDriver(vertx, new IpmiOobDriverProvider().create(vertx, ipmi));
  }
}
