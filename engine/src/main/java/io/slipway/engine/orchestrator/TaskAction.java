package io.slipway.engine.orchestrator;

import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeIntent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The task actions (Drydock's names are their wire labels) and what each asks: a site-wide action
 * runs once for the site; a node action sets one {@link NodeIntent} per selected node and the
 * lifecycle rules take each node there. The one place the action vocabulary is defined.
 */
public enum TaskAction {
    /** Validate the pinned design revision (no driver work). */
    VALIDATE_DESIGN(Actions.VALIDATE_DESIGN, Scope.SITE, null, "validate the design revision"),
    /** Ask the node driver whether it can serve the design (images, kernels). */
    VERIFY_SITE(Actions.VERIFY_SITE, Scope.SITE, null, "check the bootstrapper offers what the design names"),
    /** Push the site's networks and keys to the node driver and lock the design revision. */
    PREPARE_SITE(Actions.PREPARE_SITE, Scope.SITE, null, "configure the bootstrapper and lock the revision"),
    VERIFY_NODES(Actions.VERIFY_NODES, Scope.TOWARD, LifecycleState.MANAGEABLE, "BMC verified, node enrolled"),
    PREPARE_NODES(Actions.PREPARE_NODES, Scope.TOWARD, LifecycleState.AVAILABLE, "inspected and configured"),
    DEPLOY_NODES(Actions.DEPLOY_NODES, Scope.TOWARD, LifecycleState.DEPLOYED, "operating system deployed"),
    DESTROY_NODES(Actions.DESTROY_NODES, Scope.DESTROY, LifecycleState.AVAILABLE, "released and erased"),
    RELABEL_NODES(Actions.RELABEL_NODES, Scope.RELABEL, null, "Kubernetes labels match the design");

    /** How an action reaches the nodes. */
    public enum Scope {
        /** Once for the site. */
        SITE,
        /** Each node moves forward to a target state (never backwards). */
        TOWARD,
        /** Each node is released and erased back to available (the only way back). */
        DESTROY,
        /** Each deployed node's Kubernetes labels are refreshed; no state changes. */
        RELABEL
    }

    private final String label;
    private final Scope scope;
    private final LifecycleState target;
    private final String asks;

    TaskAction(String label, Scope scope, LifecycleState target, String asks) {
        this.label = label;
        this.scope = scope;
        this.target = target;
        this.asks = asks;
    }

    /** The wire label ({@code deploy_nodes}), as stored and in the Drydock API. */
    public String label() {
        return label;
    }

    public Scope scope() {
        return scope;
    }

    /** What a node (or the site) ends up as, in a few words. */
    public String asks() {
        return asks;
    }

    /** Whether the action works node by node (a node filter applies). */
    public boolean nodeAction() {
        return scope != Scope.SITE;
    }

    /** The state a node action takes each node to; empty for site actions and relabelling. */
    public Optional<LifecycleState> target() {
        return Optional.ofNullable(target);
    }

    /** Whether {@code label} is this action's label. */
    public boolean is(String label) {
        return this.label.equals(label);
    }

    /** The intent this node action sets for one node; fails for a site action. */
    public NodeIntent intent(String node, String taskId) {
        return switch (scope) {
            case TOWARD -> NodeIntent.toward(node, target, taskId);
            case DESTROY -> NodeIntent.destroy(node, taskId);
            case RELABEL -> NodeIntent.relabel(node, taskId);
            case SITE -> throw new IllegalArgumentException("not a node action: " + label);
        };
    }

    /** The action with {@code label}; empty for a label no action has. */
    public static Optional<TaskAction> fromLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.is(label)).findFirst();
    }

    /** The labels of the node actions, in declaration order (unmodifiable). */
    public static java.util.Set<String> nodeLabels() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (TaskAction a : values()) {
            if (a.nodeAction()) {
                out.add(a.label);
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** Every label, in declaration order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(TaskAction::label).toList();
    }
}
