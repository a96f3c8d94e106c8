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
    boolean lab = "lab".equals(nodeType);
    if (lab && !nodeConfig.containsKey("adoptUnknown")) {
      // Every instance has its own simulator; a new leader must carry on with machines another one enrolled.
      nodeConfig = nodeConfig.copy().put("adoptUnknown", true);
    }
    DriverRegistry registry = DriverRegistry.load();
    DriverContext ctx = DriverContext.of(vertx);
    NodeDriver node = registry.node(nodeType).create(ctx, nodeConfig);
    var network = lab ? registry.network("lab").create(ctx, new JsonObject()) : null;
    var k8s = kubernetes == null ? null : registry.kubernetes("kubernetes").create(ctx, kubernetes);
    String override = oobOverride != null ? oobOverride : lab ? "lab" : null;
    return new DriverSet(ctx, registry, new JsonObject(), override, node, network, k8s);
  }

  /** Runs a blocking start-up step on the main thread, saying what it is and how long it took. */
  static <T> T step(String what, java.util.function.Supplier<T> work) {
    System.err.println("slipway: " + what + " ...");
    long t0 = System.nanoTime();
    T value = work.get();
    System.err.printf("slipway: %s: done in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    return value;
  }

  /**
   * Waits for a future on the main thread (never called on an event loop), saying on stderr what it
   * waits for and, once done, how long it took: a starting server never sits silent.
   */
  static <T> T await(Future<T> f, long seconds, String what) {
    System.err.println("slipway: " + what + " ...");
    long t0 = System.nanoTime();
    try {
      T value = f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
      System.err.printf("slipway: %s: done in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
      return value;
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
