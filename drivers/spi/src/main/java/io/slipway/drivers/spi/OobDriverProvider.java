package io.slipway.drivers.spi;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Creates {@link OobDriver}s of one type. Registered as a {@code java.util.ServiceLoader} service
 * in {@code META-INF/services/io.slipway.drivers.spi.OobDriverProvider} and found by {@link
 * OobDrivers}.
 */
public interface OobDriverProvider {

  /** The {@code oob.type} value this provider serves; unique among providers. */
  String type();

  /**
   * Creates a driver. Must not block or do I/O: sockets and sessions open lazily on first use.
   *
   * @param config driver settings (the {@code drivers.oob.<type>} subtree of the configuration);
   *     unknown keys are ignored, missing keys take documented defaults
   */
  OobDriver create(Vertx vertx, JsonObject config);
}
