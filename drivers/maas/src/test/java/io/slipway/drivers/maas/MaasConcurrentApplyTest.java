package io.slipway.drivers.maas;

import static io.slipway.drivers.maas.SimFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpecs;
import io.vertx.core.Future;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine applies many nodes' platforms at once, and their design tags are shared: every apply reads MAAS's tags,
 * finds the tag missing and creates it, and all but the first creation are refused by MAAS (400 "Tag with this Name
 * already exists."). Each apply must still succeed and tag its machine.
 */
class MaasConcurrentApplyTest {
    private final SimFixture f = SimFixture.onboard();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void nodesSharingADesignTagApplyTheirPlatformsConcurrently() {
        List<NodeSpec> nodes =
                IntStream.rangeClosed(1, 6).mapToObj(NodeSpecs::node).toList();
        join(f.driver.prepareSite(NodeSpecs.site()));
        for (NodeSpec node : nodes) {
            f.sim.enlist(node.bootMac(), node.oobAddress());
            join(f.driver.identify(node));
            join(f.driver.commission(node));
        }
        String shared = nodes.get(0).tags().get(0);
        assertThat(nodes).allSatisfy(n -> assertThat(n.tags()).contains(shared));

        join(Future.all(
                nodes.stream().map(n -> f.driver.apply(n, ApplyStep.PLATFORM)).toList()));

        for (NodeSpec node : nodes) {
            assertThat(f.sim.machine(f.sim.systemIdOf(node.bootMac())).getJsonArray("tag_names"))
                    .as(node.name())
                    .contains(shared);
        }
    }
}
