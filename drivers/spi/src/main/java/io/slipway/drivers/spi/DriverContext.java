package io.slipway.drivers.spi;

import io.slipway.drivers.spi.state.DriverStateStore;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
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

    /**
     * Durable state that survives restarts and leader changes (Postgres in a server). Null when the
     * process has none (validation, client commands): a driver that needs it must refuse to start
     * rather than keep its state in memory.
     */
    default DriverStateStore state() {
        return null;
    }

    /**
     * The server's node-facing HTTP routes (boot-action files and reports, authenticated by the node's
     * own key), for drivers that run a listener nodes reach; null when the process serves none. The
     * handler takes whole requests and answers them itself.
     */
    default Handler<HttpServerRequest> nodeRoutes() {
        return null;
    }

    /** A context with the system UTC clock. */
    static DriverContext of(Vertx vertx) {
        return of(vertx, Clock.systemUTC());
    }

    static DriverContext of(Vertx vertx, Clock clock) {
        return of(vertx, clock, null, null);
    }

    /** A context with durable driver state and the server's node-facing routes (either may be null). */
    static DriverContext of(Vertx vertx, Clock clock, DriverStateStore state, Handler<HttpServerRequest> nodeRoutes) {
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

            @Override
            public DriverStateStore state() {
                return state;
            }

            @Override
            public Handler<HttpServerRequest> nodeRoutes() {
                return nodeRoutes;
            }
        };
    }
}
