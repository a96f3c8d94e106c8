package io.slipway.drivers.maas;

import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeDriverContract;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpecs;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The node-driver contract, run against the MAAS simulator. */
class MaasNodeDriverTest extends NodeDriverContract {
    private static final AtomicInteger NODES = new AtomicInteger();
    private static SimFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SimFixture();
        // NodeSpecs names kernel devices: machines with two onboard NICs (eno1, eno2) and disks sda, sdb
        fixture.sim.hardware(mac -> io.slipway.drivers.maas.sim.SimHardware.onboard());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Override
    protected NodeDriver driver() {
        return fixture.driver;
    }

    @Override
    protected NodeSpec newNode() {
        return NodeSpecs.node(NODES.incrementAndGet());
    }

    @Override
    protected Observed observed(NodeSpec node) {
        int[] c = fixture.sim.counts(node.bootMac());
        return new Observed(c[0], c[1], c[2], c[3]);
    }

    @Override
    protected void failNextDeploy(NodeSpec node, String message) {
        fixture.sim.failNextDeploy(node.bootMac(), message);
    }
}
