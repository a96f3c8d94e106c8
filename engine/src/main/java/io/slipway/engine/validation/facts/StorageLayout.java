package io.slipway.engine.validation.facts;

import io.slipway.engine.effective.EffectiveNode;
import java.util.List;

/** One distinct storage layout and the nodes that use it (nodes inheriting storage unchanged share one). */
public record StorageLayout(int id, List<EffectiveNode> nodes) {}
