package io.slipway.drivers.spi;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Objects;

/**
 * What the process offers the drivers it creates. One instance per process, shared by every driver
 * and safe to use from any thread. New services are added here as methods; implementations outside
 * this module are expected only in tests.
 */
public interface DriverContext {

  /** The Vert.x instance drivers schedule timers and open clients on. */
  Vertx vertx();

  /** The clock for deadlines and timestamps (a fixed one in tests). */
  Clock clock();

  /** A context with the system UTC clock. */
  static DriverContext of(Vertx vertx) {
    return of(vertx, Clock.systemUTC());
  }

  static DriverContext of(Vertx vertx, Clock clock) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(clock, "clock");
    return new DriverContext() {
      @Override
      public Vertx vertx() {
        return vertx;
      }

      @Override
      public Clock clock() {
        return clock;
      }
    };
  }
}
