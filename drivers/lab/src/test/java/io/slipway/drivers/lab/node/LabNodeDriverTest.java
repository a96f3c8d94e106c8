package io.slipway.drivers.lab.node;

import static io.slipway.drivers.lab.LabFixtures.failure;
import static io.slipway.drivers.lab.LabFixtures.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.LabCallLog;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.HardwareManifest;
import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeDriverContract;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpecs;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The node-driver contract against the lab bootstrapper (5 ms steps), plus lab specifics. */
class LabNodeDriverTest extends NodeDriverContract {

    private static Vertx vertx;
    private static LabNodeDriver driver;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        driver = LabNodeDriver.create(vertx, LabNodeConfig.latency(5));
    }

    @AfterAll
    static void stop() {
        join(vertx.close());
    }

    @Override
    protected NodeDriver driver() {
        return driver;
    }

    @Override
    protected NodeSpec newNode() {
        return LabNodes.fresh("contract");
    }

    @Override
    protected Observed observed(NodeSpec node) {
        LabCallLog log = driver.calls();
        String n = node.name();
        return new Observed(
                (int) log.count(n, "commission"), (int) log.count(n, "deploy"), (int) log.count(n, "release"), (int)
                        log.count(n, "erase"));
    }

    @Override
    protected void failNextDeploy(NodeSpec node, String message) {
        driver.faults(node.name()).fail(LabStep.DEPLOY, 1, DriverException.Kind.REFUSED, message);
    }

    @Test
    void isFoundThroughServiceLoader() {
        NodeDriver loaded =
                DriverRegistry.load().node("lab").create(DriverContext.of(vertx), new JsonObject().put("deployMs", 0));
        assertThat(loaded).isInstanceOf(LabNodeDriver.class);
        assertThat(DriverRegistry.load().types(DriverKind.NODE)).contains("lab");
        assertThat(DriverRegistry.load().node("lab").simulated()).isTrue();
        assertThat(DriverRegistry.load().realTypes(DriverKind.NODE)).doesNotContain("lab");
    }

    @Test
    void manifestDescribesTheSpecsHardware() {
        NodeSpec node = commissioned();
        HardwareManifest m = join(driver.commission(node));
        assertThat(m.generator()).isEqualTo("lshw");
        assertThat(m.summary())
                .containsEntry("nics", "2")
                .containsEntry("disks", "2")
                .containsKeys("cpus", "memory_mib");
        JsonObject lshw = new JsonObject(m.data());
        assertThat(lshw.getString("id")).isEqualTo(node.name());
        assertThat(m.data())
                .contains("\"logicalname\" : \"eno1\"", "\"serial\" : \"" + node.bootMac() + "\"", "/dev/sdb");
        // deterministic: the same spec elsewhere gives the same machine
        assertThat(LabHardware.lshw(node)).isEqualTo(m);
    }

    @Test
    void theWholeSequenceLogsEachStepOnceAndARerunAddsNothing() {
        NodeSpec node = deployed();
        assertThat(driver.calls().steps(node.name()))
                .containsExactly(
                        "identify",
                        "commission",
                        "apply-networking",
                        "apply-storage",
                        "apply-platform",
                        "allocate",
                        "deploy");
        int before = driver.calls().size();
        // an engine resuming after a crash repeats the whole sequence
        join(driver.identify(node));
        join(driver.commission(node));
        for (ApplyStep step : ApplyStep.values()) {
            join(driver.apply(node, step));
        }
        assertThat(join(driver.deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);
        assertThat(driver.calls().calls(node.name())).hasSize(7);
        assertThat(driver.calls().repeated()).doesNotContainKey(node.name());
        assertThat(driver.calls().size()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void concurrentDeploysJoinOneDeployment() {
        NodeSpec node = commissioned();
        var a = driver.deploy(node);
        var b = driver.deploy(node);
        assertThat(join(a).phase()).isEqualTo(Phase.DEPLOYED);
        assertThat(join(b).phase()).isEqualTo(Phase.DEPLOYED);
        assertThat(driver.calls().count(node.name(), "deploy")).isEqualTo(1);
    }

    @Test
    void changedConfigurationIsAppliedAgainBeforeDeployment() {
        NodeSpec node = commissioned();
        join(driver.apply(node, ApplyStep.NETWORKING));
        join(driver.apply(node, ApplyStep.PLATFORM));
        NodeSpec readdressed = LabNodes.named(node.name(), 40); // other addresses, same image and tags
        join(driver.apply(readdressed, ApplyStep.NETWORKING));
        join(driver.apply(readdressed, ApplyStep.PLATFORM));
        assertThat(driver.calls().count(node.name(), "apply-networking")).isEqualTo(2);
        assertThat(driver.calls().count(node.name(), "apply-platform")).isEqualTo(1);
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        NodeSpec unknown = LabNodes.fresh("unknown");
        assertThat(failure(driver.commission(unknown)).kind()).isEqualTo(DriverException.Kind.REFUSED);
        NodeSpec node = identified();
        DriverException e = failure(driver.deploy(node));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.REFUSED);
        assertThat(e.getMessage()).contains("NEW");
        assertThat(join(driver.destroy(unknown, true)).phase()).isEqualTo(Phase.ABSENT);
    }

    @Test
    void callsFromOutsideVertxCompleteOnAContext() {
        NodeSpec node = identified();
        Thread caller = Thread.currentThread();
        for (int attempt = 0; attempt < 20; attempt++) {
            CompletableFuture<Boolean> onContext = new CompletableFuture<>();
            driver.status(node)
                    .onComplete(ar -> onContext.complete(
                            Thread.currentThread() == caller ? null : Vertx.currentContext() != null));
            Boolean seen = onContext.join();
            if (seen != null) { // null: completed before the listener was attached, which proves nothing
                assertThat(seen).isTrue();
                return;
            }
        }
        throw new AssertionError("every call completed before a listener could be attached");
    }

    @Test
    void siteCatalogHasTheSampleImage() {
        assertThat(join(driver.verifySite()).catalog()).containsKey(NodeSpecs.IMAGE);
        join(driver.prepareSite(NodeSpecs.site()));
        join(driver.prepareSite(NodeSpecs.site()));
        assertThat(driver.calls().count(LabNodeDriver.SITE, "prepare-site")).isEqualTo(1);
    }
}
