package io.slipway.drivers.spi.network;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** Creates {@link NetworkDriver}s; registered in {@code META-INF/services/io.slipway.drivers.spi.network.NetworkDriverProvider}. */
public interface NetworkDriverProvider {
  String type();

  /** Creates a driver without blocking or I/O ({@code config} = {@code drivers.network.<type>}). */
  NetworkDriver create(Vertx vertx, JsonObject config);
}
