package io.slipway.engine.bootaction;

import io.slipway.engine.design.model.BootAction;
import io.slipway.engine.design.model.BootAction.Asset;
import io.slipway.engine.effective.EffectiveNode;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.BootActionContext;
import io.slipway.store.BootActionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders one node's bundle from its context's pinned revision. Blocking: runs on a worker thread.
 * Each boot action uses the action id of the context's own row, and the key the node presented
 * (already checked against the context), so nothing is read from shared mutable state.
 */
final class NodeRendering {
    private final AssetRenderer renderer;
    private final String reportUrl;

    NodeRendering(AssetRenderer renderer, String reportUrl) {
        this.renderer = renderer;
        this.reportUrl = reportUrl;
    }

    /** What one fetch renders from: the pinned revision and the context's rows. */
    record Input(
            SiteModel site, String designRef, BootActionContext context, List<BootActionStatus> rows, String keyHex) {}

    BootActionBundle render(Input in, BootActionBundle.Kind kind) {
        String nodeName = in.context().nodeName();
        EffectiveNode node = in.site().node(nodeName);
        if (node == null) {
            throw BootActionProblem.of(
                    BootActionProblem.Kind.CONFLICT,
                    "node " + nodeName + " is not in design revision "
                            + in.site().revision() + " its boot action context is pinned to; redeploy the node");
        }
        // Rows of a context that replaced this one while the request ran are not this context's.
        Map<String, BootActionStatus> rows = in.rows().stream()
                .filter(r -> java.util.Objects.equals(r.taskId(), in.context().taskId()))
                .collect(Collectors.toMap(BootActionStatus::actionName, Function.identity(), (a, b) -> a));
        List<BootActionBundle.Entry> entries = new ArrayList<>();
        for (BootAction action : BootActionContexts.targeting(in.site(), node)) {
            BootActionStatus row = rows.get(action.name());
            if (row == null) {
                // Cannot happen for contexts made by BootActionContexts (one transaction, same revision);
                // a clear 409 beats rendering with a made-up action id.
                throw BootActionProblem.of(
                        BootActionProblem.Kind.CONFLICT,
                        "boot action context of node " + nodeName + " has no status for boot action " + action.name()
                                + "; redeploy the node");
            }
            var context = TemplateContext.of(
                    in.site().design(),
                    node,
                    new TemplateContext.Action(row.actionId().toString(), in.keyHex(), reportUrl, in.designRef()));
            for (Asset asset : action.assets()) {
                if (kind.assetType().equals(asset.type())) {
                    if (asset.path() == null) {
                        throw BootActionProblem.asset(action.name(), "(" + asset.type() + ")", "asset has no path");
                    }
                    entries.add(new BootActionBundle.Entry(
                            action.name(), asset.path(), asset.permissions(), renderer.render(action, asset, context)));
                }
            }
        }
        return BootActionBundle.build(nodeName, kind, entries, in.context().created());
    }
}
