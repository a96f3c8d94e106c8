package io.slipway.engine;

import io.slipway.drivers.spi.ManualConfirmation;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.engine.dispatch.Dispatcher;
import io.slipway.engine.dispatch.DriverSet;
import io.slipway.engine.dispatch.NodeRuntime;
import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.lifecycle.Step;
import io.slipway.engine.orchestrator.Orchestrator;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.NodeEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The operator's verbs on one node: release from quarantine, maintenance on and off, abort of the
 * running step, and confirm or reject of a manual BMC request. Each is recorded on the node's
 * timeline with who asked and why. Confined to the engine's context like the dispatcher.
 *
 * <p>Failures: an unknown node fails with {@link IllegalArgumentException}; a verb that does not
 * apply to the node as it is now (release of a node that is not quarantined, abort with nothing
 * running, confirm with nothing waiting) fails with {@link IllegalStateException}.
 */
final class NodeVerbs {
    private final NodeRuntime nodes;
    private final Dispatcher dispatcher;
    private final Orchestrator orchestrator;
    private final DriverSet drivers;

    NodeVerbs(NodeRuntime nodes, Dispatcher dispatcher, Orchestrator orchestrator, DriverSet drivers) {
        this.nodes = nodes;
        this.dispatcher = dispatcher;
        this.orchestrator = orchestrator;
        this.drivers = drivers;
    }

    /** Pauses (or resumes) automatic actions for the node, drift correction included. */
    Future<NodeObservation> pause(String node, boolean paused) {
        NodeObservation o = known(node);
        return nodes.record(
                o.withPaused(paused),
                NodeEvent.of(
                        node,
                        paused ? "paused" : "resumed",
                        paused ? "automatic actions paused by an operator" : "automatic actions resumed"));
    }

    /** Back to the state before quarantine with a fresh retry budget; the quarantine reason stays on the timeline. */
    Future<NodeObservation> release(String node, String reason, String by) {
        NodeObservation o = known(node);
        if (o.state() != LifecycleState.QUARANTINED) {
            throw new IllegalStateException(
                    node + " is " + o.state().label() + ", not quarantined: nothing to release");
        }
        NodeObservation released = o.released(o.releaseTo());
        NodeEvent event = new NodeEvent(
                0,
                node,
                null,
                "released",
                o.state().label(),
                released.state().label(),
                null,
                "released by " + by + (reason == null ? "" : ": " + reason),
                new JsonObject()
                        .put("by", by)
                        .put("reason", reason)
                        .put("quarantined_because", o.reason())
                        .put("failures", o.failures()));
        return nodes.record(released, event);
    }

    /** Puts the node in maintenance ({@code on}) or takes it out; in maintenance only reads happen to it. */
    Future<NodeObservation> maintenance(String node, boolean on, String reason, String by) {
        NodeObservation o = known(node);
        if (on && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("maintenance needs a reason");
        }
        NodeObservation changed = o.withMaintenance(on ? reason : null);
        NodeEvent event = NodeEvent.of(
                        node,
                        on ? "maintenance-on" : "maintenance-off",
                        (on
                                ? "maintenance on by " + by + ": " + reason
                                : "maintenance off by " + by + (reason == null ? "" : ": " + reason)))
                .withExtra(new JsonObject().put("by", by).put("reason", reason));
        return nodes.record(changed, event);
    }

    /** Aborts the step running on the node; its task counts the node as failed and the node is paused. */
    Future<Step> abort(String node, String reason, String by) {
        NodeObservation o = known(node);
        String why = (reason == null || reason.isBlank() ? "no reason given" : reason) + " (" + by + ")";
        Step step = dispatcher.abort(node, why);
        orchestrator.abandon(node, step.label() + " aborted by an operator: " + why);
        return nodes.record(
                        nodes.observation(node).withPaused(true),
                        NodeEvent.of(
                                node,
                                "paused",
                                "paused after " + step.label() + " was aborted; resume to"
                                        + " let the rules act on the node again"))
                .map(step);
    }

    /** Confirms ({@code ok}) or rejects the oldest manual BMC request of the node; returns what it asked. */
    Future<String> answer(String node, boolean ok, String reason, String by) {
        NodeObservation o = known(node);
        SiteModel site = nodes.site(node);
        OobTarget target = site == null ? null : site.oobTargets().get(node);
        if (target == null) {
            throw new IllegalStateException(node + " has no BMC in its design revision");
        }
        String type = site.nodeSpecs().get(node).oobType();
        OobDriver driver = drivers.oob(type);
        if (!(driver instanceof ManualConfirmation manual)) {
            throw new IllegalStateException(node + "'s BMC (oob.type " + type + ") is not operated by hand; nothing to "
                    + (ok ? "confirm" : "reject"));
        }
        String why = reason == null || reason.isBlank() ? "no reason given" : reason;
        Optional<String> answered = ok ? manual.confirm(target) : manual.reject(target, why + " (" + by + ")");
        String request =
                answered.orElseThrow(() -> new IllegalStateException("no manual request is waiting for " + node));
        NodeEvent event = NodeEvent.of(
                        node,
                        ok ? "confirmed" : "rejected",
                        (ok ? "confirmed by " : "rejected by ") + by + ": " + request + (ok ? "" : " (" + why + ")"))
                .withExtra(new JsonObject().put("by", by).put("reason", reason));
        return nodes.record(o, event).map(request);
    }

    /** The manual-BMC verbs that apply to the node now: confirm and reject while a request waits. */
    java.util.List<String> manualVerbs(String node) {
        SiteModel site = nodes.site(node);
        OobTarget target = site == null ? null : site.oobTargets().get(node);
        if (target == null || site.nodeSpecs().get(node) == null) {
            return java.util.List.of();
        }
        OobDriver driver;
        try {
            driver = drivers.oob(site.nodeSpecs().get(node).oobType());
        } catch (RuntimeException e) {
            return java.util.List.of();
        }
        if (!(driver instanceof ManualConfirmation manual)) {
            return java.util.List.of();
        }
        return manual.waiting(target).stream()
                .limit(1)
                .flatMap(r -> java.util.stream.Stream.of(
                        "confirm: \"" + r + "\" was done (POST /nodes/" + node + "/confirm)",
                        "reject: \"" + r + "\" was not done; the step fails (POST /nodes/" + node + "/reject)"))
                .toList();
    }

    private NodeObservation known(String node) {
        NodeObservation o = nodes.observation(node);
        if (o == null) {
            throw new IllegalArgumentException("node " + node + " is not known");
        }
        return o;
    }
}
