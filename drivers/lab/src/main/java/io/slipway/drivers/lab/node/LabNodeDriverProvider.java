package io.slipway.drivers.lab.node;

import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeDriverProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Provides the {@code lab} node driver. Keys ({@code drivers.node.lab}): {@code commissionMs} (20),
 * {@code deployMs} (50), {@code releaseMs} (20), {@code eraseMs} (20), {@code stepTimeoutMs}
 * (60000), {@code requirePower} (false), {@code images} (image → kernels), and {@code faults}: per
 * node, e.g. {@code {"node-3": {"fail": {"deploy": 2}, "hang": ["commission"], "delayMs": 100}}}.
 */
public final class LabNodeDriverProvider implements NodeDriverProvider {

  @Override
  public String type() {
    return LabNodeDriver.TYPE;
  }

  @Override
  public NodeDriver create(Vertx vertx, JsonObject config) {
    JsonObject json = config == null ? new JsonObject() : config;
    LabNodeDriver driver = LabNodeDriver.create(vertx, LabNodeConfig.fromJson(json));
    JsonObject faults = json.getJsonObject("faults", new JsonObject());
    faults.fieldNames().forEach(node -> driver.faults(node).apply(faults.getJsonObject(node)));
    return driver;
  }
}
