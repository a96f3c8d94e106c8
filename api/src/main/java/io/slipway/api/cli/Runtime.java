package io.slipway.api.cli;

import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.engine.dispatch.DriverSet;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Wiring helpers for the long-running commands: drivers from options, blocking waits on the main thread. */
final class Runtime {
  private Runtime() {}

  /**
   * The driver set: the node driver by type (with its JSON config); the lab node driver brings the
   * lab switch driver and, unless an override is given, lab BMCs for every node.
   */
  static DriverSet drivers(Vertx vertx, String nodeType, JsonObject nodeConfig, String oobOverride, JsonObject kubernetes) {
    return drivers(DriverContext.of(vertx), nodeType, nodeConfig, oobOverride, kubernetes);
  }

  /**
   * As above, with the process's driver context (durable driver state, node-facing routes). A node
   * driver whose settings have problems fails here, naming every key to set.
   */
  static DriverSet drivers(DriverContext ctx, String nodeType, JsonObject nodeConfig, String oobOverride,
      JsonObject kubernetes) {
    Vertx vertx = ctx.vertx();
    boolean lab = "lab".equals(nodeType);
    if (lab && !nodeConfig.containsKey("adoptUnknown")) {
      // Every instance has its own simulator; a new leader must carry on with machines another one enrolled.
      nodeConfig = nodeConfig.copy().put("adoptUnknown", true);
    }
    DriverRegistry registry = DriverRegistry.load();
    checkNodeDriver(nodeType, nodeConfig);
    NodeDriver node = registry.node(nodeType).create(ctx, nodeConfig);
    var network = lab ? registry.network("lab").create(ctx, new JsonObject()) : null;
    var k8s = kubernetes == null ? null : registry.kubernetes("kubernetes").create(ctx, kubernetes);
    String override = oobOverride != null ? oobOverride : lab ? "lab" : null;
    return new DriverSet(ctx, registry, new JsonObject(), override, node, network, k8s);
  }

  /** Fails naming every setting the node driver of {@code nodeType} still needs; no I/O. */
  static void checkNodeDriver(String nodeType, JsonObject nodeConfig) {
    java.util.List<String> problems = DriverRegistry.load().node(nodeType).check(nodeConfig);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the " + nodeType + " node driver is not configured: " + String.join("; ", problems)
          + " (set them in --node-driver-config or SLIPWAY_NODE_DRIVER_CONFIG as JSON; see docs/netboot.md)");
    }
  }

  /** Waits for a future on the main thread (never called on an event loop). */
  static <T> T await(Future<T> f, long seconds, String what) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + " did not finish within " + seconds + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted");
    }
  }
}
