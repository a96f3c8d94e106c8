package io.slipway.drivers.spi.node;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Creates {@link NodeDriver}s of one type; registered in {@code
 * META-INF/services/io.slipway.drivers.spi.node.NodeDriverProvider} and found by {@link NodeDrivers}.
 */
public interface NodeDriverProvider {

  /** The type this provider serves; unique among providers. */
  String type();

  /** Creates a driver without blocking or doing I/O ({@code config} is the {@code drivers.node.<type>} subtree). */
  NodeDriver create(Vertx vertx, JsonObject config);
}
