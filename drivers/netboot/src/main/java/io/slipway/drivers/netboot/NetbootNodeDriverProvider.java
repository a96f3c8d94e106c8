package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeDriverProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Provides the {@code netboot} node driver; settings are {@link NetbootConfig}'s keys. Creating it
 * does no I/O; missing or malformed settings fail at once, naming every key to set. The driver needs
 * durable state: the server wires it with the database ({@link NetbootNodeDriver}'s constructor); this
 * provider refuses to create one without it rather than losing jobs silently.
 */
public final class NetbootNodeDriverProvider implements NodeDriverProvider {

  @Override
  public String type() {
    return NetbootNodeDriver.TYPE;
  }

  @Override
  public NodeDriver create(Vertx vertx, JsonObject config) {
    NetbootConfig.from(config);
    throw new IllegalArgumentException("the netboot driver needs the server's durable driver state;"
        + " it is created by serve, not from settings alone");
  }
}
