package io.slipway.engine.leadership;

import io.slipway.engine.Engine;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine exactly while this instance leads: starts it when elected (which advances the
 * fencing epoch before anything is dispatched) and stops it when deposed. Transitions are chained,
 * so a quick lose-then-win never runs two engines at once.
 */
public final class Leadership implements LeaderView, LeaderElection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final LeaderElection election;
    private final Supplier<Future<Engine>> engines;
    private volatile Engine engine;
    private Future<?> last = Future.succeededFuture();

    public Leadership(LeaderElection election, Supplier<Future<Engine>> engines) {
        this.election = election;
        this.engines = engines;
    }

    /** Joins the cluster and starts competing for leadership. */
    public Future<Void> start() {
        return election.start(this);
    }

    @Override
    public synchronized void elected() {
        last = last.transform(x -> engines.get())
                .onSuccess(e -> {
                    engine = e;
                    LOG.info("leading with fencing epoch {}", e.epoch());
                })
                .onFailure(e -> {
                    LOG.error("could not start the engine after winning the election; resigning", e);
                    election.resign();
                });
    }

    @Override
    public synchronized void deposed() {
        last = last.transform(x -> stopEngine());
    }

    /**
     * A leader whose engine halted (another instance advanced the epoch, e.g. from the other side of a
     * split that has not merged yet) replaces it, taking a new epoch; once the cluster heals, only
     * one of them still holds the lease.
     */
    @Override
    public synchronized void renewed() {
        Engine e = engine;
        if (e != null && e.halted()) {
            LOG.warn("the engine was fenced while this instance holds the lease; starting a new one");
            deposed();
            elected();
        }
    }

    private Future<Void> stopEngine() {
        Engine e = engine;
        engine = null;
        return e == null
                ? Future.succeededFuture()
                : e.stop().onFailure(x -> LOG.warn("stopping the engine: {}", x.toString()));
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public List<String> members() {
        return election.members();
    }

    /** Stops the engine (if running), hands the lease over and leaves the cluster. */
    public Future<Void> stop() {
        Future<?> pending;
        synchronized (this) {
            pending = last;
        }
        return pending.transform(x -> election.stop()).transform(x -> stopEngine());
    }
}
