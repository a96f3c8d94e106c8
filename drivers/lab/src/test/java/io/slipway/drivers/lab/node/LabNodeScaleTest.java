package io.slipway.drivers.lab.node;

import static io.slipway.drivers.lab.LabFixtures.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeStatus;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A thousand nodes through the whole sequence with zero latency (the engine's scale tests). */
class LabNodeScaleTest {

    private static final int NODES = 1_000;

    @Test
    void aThousandNodesDeployWithZeroLatency() {
        Vertx vertx = Vertx.vertx();
        try {
            LabNodeDriver driver = LabNodeDriver.create(vertx, LabNodeConfig.instant());
            List<Future<NodeStatus>> deployed = new ArrayList<>(NODES);
            long start = System.nanoTime();
            for (int i = 0; i < NODES; i++) {
                NodeSpec node = LabNodes.named(String.format("scale%04d", i), i);
                deployed.add(driver.identify(node)
                        .compose(s -> driver.commission(node))
                        .compose(m -> Future.all(List.of(
                                driver.apply(node, ApplyStep.NETWORKING),
                                driver.apply(node, ApplyStep.STORAGE),
                                driver.apply(node, ApplyStep.PLATFORM))))
                        .compose(v -> driver.deploy(node)));
            }
            List<NodeStatus> result = join(Future.all(deployed)).list();
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "lab node driver: %d nodes identified, commissioned, configured and deployed in %d ms%n",
                    NODES, ms);
            assertThat(result).hasSize(NODES).allMatch(s -> s.phase() == Phase.DEPLOYED);
            assertThat(driver.machines()).hasSize(NODES);
            assertThat(driver.calls().size()).isEqualTo(NODES * 7);
            assertThat(driver.calls().repeated()).isEmpty();
        } finally {
            join(vertx.close());
        }
    }
}
