package io.slipway.drivers.netboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeDriverContract;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpecs;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The node-driver contract against the netboot driver on loopback: nodes are {@link FakeNode}s that
 * speak the wire contract over real HTTP.
 */
class NetbootNodeDriverIT extends NodeDriverContract {
    private static NetbootFixture fixture;
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Map<String, FakeNode> NODES = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        fixture = new NetbootFixture();
    }

    @AfterAll
    static void stop() {
        NODES.values().forEach(FakeNode::stop);
        fixture.close();
    }

    @Override
    protected NodeDriver driver() {
        return fixture.driver;
    }

    @Override
    protected NodeSpec newNode() {
        NodeSpec spec = NodeSpecs.node(NEXT.incrementAndGet());
        NODES.put(spec.name(), new FakeNode(spec, fixture.base));
        return spec;
    }

    @Override
    protected Observed observed(NodeSpec node) {
        FakeNode n = NODES.get(node.name());
        return new Observed(n.inspections.get(), n.deploys.get(), releases(node), n.erases.get());
    }

    /** Releases are the node's deployment records removed from the driver's durable state. */
    private int releases(NodeSpec node) {
        AtomicInteger n = fixture.releases.get(node.name());
        return n == null ? 0 : n.get();
    }

    @Override
    protected void failNextDeploy(NodeSpec node, String message) {
        NODES.get(node.name()).failNextDeploy = message;
    }

    @Override
    protected void bootAgent(NodeSpec node) {
        NODES.get(node.name()).boot();
    }

    @Override
    protected void bootInstalledOs(NodeSpec node) {
        try {
            assertThat(NODES.get(node.name()).bootInstalledOs()).isEqualTo(204);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
