package io.slipway.drivers.lab.network;

import static io.slipway.drivers.lab.LabFixtures.failure;
import static io.slipway.drivers.lab.LabFixtures.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.network.NetworkDriver;
import io.slipway.drivers.spi.network.NetworkDriverContract;
import io.slipway.drivers.spi.network.NetworkDriverProvider;
import io.slipway.drivers.spi.network.PortConfig;
import io.slipway.drivers.spi.network.PortRef;
import io.slipway.drivers.spi.network.PortState;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The network-driver contract against lab switches (3 ms per change), plus lab specifics. */
class LabNetworkDriverTest extends NetworkDriverContract {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static Vertx vertx;
    private static LabNetworkDriver driver;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        driver = LabNetworkDriver.create(vertx, 3, 200);
    }

    @AfterAll
    static void stop() {
        join(vertx.close());
    }

    @Override
    protected NetworkDriver driver() {
        return driver;
    }

    @Override
    protected PortRef newPort() {
        int i = NEXT.incrementAndGet();
        return new PortRef("leaf1", "10.9.0.1", "Ethernet" + i, "node" + i, "eno1");
    }

    @Override
    protected PortRef unreachablePort() {
        driver.unreachable("leaf-down", true);
        return new PortRef("leaf-down", "10.9.0.99", "Ethernet1", "node99", "eno1");
    }

    @Override
    protected PortConfig invalidConfig() {
        return new PortConfig("5000", List.of("110"), 1500, false);
    }

    @Override
    protected int changes(PortRef port) {
        return driver.calls()
                .steps(LabNetworkDriver.subject(port.switchName(), port.port()))
                .size();
    }

    @Test
    void isFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(NetworkDriverProvider.class).stream()
                        .map(p -> p.get().type()))
                .contains("lab");
    }

    @Test
    void aNewPortShowsItsCabledNeighbourUntilTheLinkGoesDown() {
        PortRef port = newPort();
        PortState state = join(driver.interrogate(port));
        assertThat(state.mode()).isEqualTo("unknown");
        assertThat(state.linkUp()).isTrue();
        assertThat(state.lldpNeighbor()).isEqualTo(port.node() + "/eno1");
        driver.link(port, false);
        PortState down = join(driver.interrogate(port));
        assertThat(down.linkUp()).isFalse();
        assertThat(down.lldpNeighbor()).isNull();
    }

    @Test
    void injectedFailuresAreTypedAndUsedUp() {
        PortRef port = newPort();
        driver.faults(port.switchName(), port.port()).fail(1, Kind.FAILED);
        assertThat(failure(driver.configureProvisioning(port, provisioningConfig()))
                        .kind())
                .isEqualTo(Kind.FAILED);
        assertThat(join(driver.configureProvisioning(port, provisioningConfig()))
                        .mode())
                .isEqualTo("provisioning");
        assertThat(driver.calls().calls(LabNetworkDriver.subject(port.switchName(), port.port())))
                .extracting(c -> c.step() + ":" + c.result())
                .containsExactly("provisioning:FAILED", "provisioning:DONE");
    }

    @Test
    void aHungChangeTimesOut() {
        PortRef port = newPort();
        driver.faults(port.switchName(), port.port()).hang(true);
        assertThat(failure(driver.configureProduction(port, productionConfig())).kind())
                .isEqualTo(Kind.TIMEOUT);
        driver.faults(port.switchName(), port.port()).clear();
        assertThat(join(driver.configureProduction(port, productionConfig())).mode())
                .isEqualTo("production");
    }

    @Test
    void provisioningWithoutANativeVlanIsRefused() {
        PortRef port = newPort();
        var e = failure(driver.configureProvisioning(port, new PortConfig(null, List.of(), 0, false)));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.retriable()).isFalse();
    }
}
