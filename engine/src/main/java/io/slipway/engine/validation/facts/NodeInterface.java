package io.slipway.engine.validation.facts;

import io.slipway.engine.effective.EffectiveNode;
import java.util.List;

/**
 * One interface of an interface layout; {@code nodes} are the nodes using that layout (nodes that
 * inherit their interfaces unchanged share one), so rules check it once and report per node.
 */
public record NodeInterface(
        int layout,
        List<EffectiveNode> nodes,
        String name,
        String link,
        List<String> slaves,
        int slaveCount,
        List<String> networks) {}
