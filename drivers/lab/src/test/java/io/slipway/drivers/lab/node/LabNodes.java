package io.slipway.drivers.lab.node;

import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpecs;
import java.util.concurrent.atomic.AtomicInteger;

/** Sample nodes for the lab node tests: the contract's sample node under any name. */
final class LabNodes {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private LabNodes() {}

    /** The sample node {@code 1 + i % 89} renamed to {@code name}. */
    static NodeSpec named(String name, int i) {
        NodeSpec s = NodeSpecs.node(1 + Math.floorMod(i, 89));
        return new NodeSpec(
                name,
                s.domain(),
                s.bootMac(),
                s.oobType(),
                s.oobAddress(),
                s.oobParameters(),
                s.rack(),
                s.interfaces(),
                s.storage(),
                s.platform(),
                s.tags(),
                s.labels());
    }

    /** A node with a name no other test uses. */
    static NodeSpec fresh(String prefix) {
        int i = NEXT.incrementAndGet();
        return named(prefix + "-" + i, i);
    }
}
