package io.slipway.engine.dispatch;

import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerState;
import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.NodeEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The periodic re-observation of deployed nodes: reads each one's power through its BMC and feeds
 * only the changes to the lifecycle rules (a deployed node found off is then powered on by rule
 * LC-060 unless an operator paused it). Only nodes whose state was observed under the current
 * drivers and site are read ({@link NodeLedger#trusted}). Confined to the dispatcher's context.
 */
public final class Reconciler {
    private final Context context;
    private final Dispatcher dispatcher;
    private final DriverSet drivers;
    private final NodeLedger ledger;
    private final Function<String, SiteModel> sites;

    public Reconciler(
            Context context,
            Dispatcher dispatcher,
            DriverSet drivers,
            NodeLedger ledger,
            Function<String, SiteModel> sites) {
        this.context = context;
        this.dispatcher = dispatcher;
        this.drivers = drivers;
        this.ledger = ledger;
        this.sites = sites;
    }

    /** Observes every deployed, idle node once, all at once; completes when all answered. */
    public Future<Integer> tick(Collection<String> nodes) {
        return tick(nodes, 0);
    }

    /**
     * Observes every deployed, idle node once, starting the reads evenly over {@code spreadMs}
     * instead of all together (hundreds of BMC sessions opened in the same instant slow every
     * answer down); completes when all answered (or failed).
     */
    public Future<Integer> tick(Collection<String> nodes, long spreadMs) {
        LifecycleEngine engine = dispatcher.engine();
        List<Supplier<Future<Void>>> targets = new ArrayList<>();
        for (String node : nodes) {
            NodeObservation o = engine.observation(node);
            SiteModel site = sites.apply(node);
            if (o == null
                    || site == null
                    || engine.running(node)
                    || o.paused()
                    || !ledger.trusted(node)
                    || (o.state() != LifecycleState.DEPLOYED && o.state() != LifecycleState.ADOPTED)) {
                continue;
            }
            OobTarget target = site.oobTargets().get(node);
            String type = site.nodeSpecs().get(node).oobType();
            targets.add(() -> drivers.oob(type)
                    .powerState(target)
                    .compose(p -> onContext(node, p))
                    .otherwiseEmpty());
        }
        List<Future<Void>> done = Staggered.start(context.owner(), targets, spreadMs);
        return Future.join(done).map(targets.size());
    }

    private Future<Void> onContext(String node, PowerState power) {
        io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
        context.runOnContext(v -> {
            NodeObservation o = dispatcher.engine().observation(node);
            if (o != null && power != o.power() && power != PowerState.UNKNOWN) {
                NodeObservation changed = o.withPower(power);
                dispatcher.engine().put(changed);
                String what = "observed power " + changed.powerLabel() + " (was " + o.powerLabel() + ")";
                ledger.save(changed, NodeEvent.of(node, "power", what));
                dispatcher.evaluate();
            }
            done.complete();
        });
        return done.future();
    }
}
