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
import java.util.function.Supplier;

/**
 * The periodic re-observation of deployed nodes: reads each one's power through its BMC and feeds
 * only the changes to the lifecycle rules (a deployed node found off is then powered on by rule
 * LC-060 unless an operator paused it). Only nodes whose state was observed under the current
 * drivers and site are read ({@link NodeLedger#trusted}). Confined to the dispatcher's context.
 */
public final class Reconciler {
    private final Context context;
    private final DriverSet drivers;
    private final NodeRuntime nodes;

    public Reconciler(Context context, DriverSet drivers, NodeRuntime nodes) {
        this.context = context;
        this.drivers = drivers;
        this.nodes = nodes;
    }

    /** Observes every deployed, idle node assigned to a revision once, all at once; completes when all answered. */
    public Future<Integer> tick() {
        return tick(nodes.assignedNodes(), 0);
    }

    /** As {@link #tick()}, the reads spread over {@code spreadMs}. */
    public Future<Integer> tick(long spreadMs) {
        return tick(nodes.assignedNodes(), spreadMs);
    }

    /**
     * Observes every deployed, idle node once, starting the reads evenly over {@code spreadMs}
     * instead of all together (hundreds of BMC sessions opened in the same instant slow every
     * answer down); completes when all answered (or failed).
     */
    private Future<Integer> tick(Collection<String> names, long spreadMs) {
        LifecycleEngine engine = nodes.session();
        List<Supplier<Future<Void>>> targets = new ArrayList<>();
        for (String node : names) {
            NodeObservation o = engine.observation(node);
            SiteModel site = nodes.site(node);
            if (o == null
                    || site == null
                    || engine.running(node)
                    || o.paused()
                    || !nodes.ledger().trusted(node)
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
            NodeObservation o = nodes.observation(node);
            if (o != null && power != o.power() && power != PowerState.UNKNOWN) {
                NodeObservation changed = o.withPower(power);
                String what = "observed power " + changed.powerLabel() + " (was " + o.powerLabel() + ")";
                nodes.record(changed, NodeEvent.of(node, "power", what));
            }
            done.complete();
        });
        return done.future();
    }
}
