package io.slipway.drivers.lab.node;

import static io.slipway.drivers.lab.LabFixtures.failure;
import static io.slipway.drivers.lab.LabFixtures.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.LabCallLog;
import io.slipway.drivers.lab.bmc.LabBmc;
import io.slipway.drivers.lab.bmc.LabBmcConfig;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.PowerState;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Injected failures of the lab bootstrapper surface as typed driver failures. */
class LabNodeFaultsTest {

    private static Vertx vertx;
    private static LabNodeDriver driver;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        driver = LabNodeDriver.create(vertx, LabNodeConfig.latency(2).withStepTimeoutMs(150));
    }

    @AfterAll
    static void stop() {
        join(vertx.close());
    }

    private static NodeSpec identified() {
        NodeSpec node = LabNodes.fresh("faults");
        join(driver.identify(node));
        return node;
    }

    @Test
    void failedCommissioningIsRefusedAndCanBeRetried() {
        NodeSpec node = identified();
        driver.faults(node.name()).fail(LabStep.COMMISSION, 1);
        DriverException e = failure(driver.commission(node));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.retriable()).isTrue();
        assertThat(e.getMessage()).contains("Failed commissioning");
        assertThat(join(driver.status(node)).phase()).isEqualTo(Phase.FAILED);
        assertThat(join(driver.commission(node)).summary()).containsKey("cpus");
        assertThat(driver.calls().calls(node.name()).stream().map(c -> c.step() + ":" + c.result()))
                .containsExactly("identify:DONE", "commission:FAILED", "commission:DONE");
    }

    @Test
    void deploymentFailsTheGivenNumberOfTimes() {
        NodeSpec node = identified();
        join(driver.commission(node));
        driver.faults(node.name()).fail(LabStep.DEPLOY, 2);
        assertThat(failure(driver.deploy(node)).getMessage()).contains("Failed deployment");
        assertThat(failure(driver.deploy(node)).kind()).isEqualTo(Kind.REFUSED);
        assertThat(join(driver.deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);
        assertThat(driver.calls().count(node.name(), "deploy")).isEqualTo(1);
    }

    @Test
    void aHungStepTimesOutAndResumesWhenReleased() {
        NodeSpec node = identified();
        driver.faults(node.name()).hang(LabStep.COMMISSION, true);
        DriverException e = failure(driver.commission(node));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.retriable()).isTrue();
        assertThat(join(driver.status(node)).phase()).isEqualTo(Phase.COMMISSIONING);
        assertThat(failure(driver.commission(node)).kind()).as("still hung").isEqualTo(Kind.TIMEOUT);
        driver.faults(node.name()).hang(LabStep.COMMISSION, false);
        join(driver.commission(node));
        assertThat(join(driver.status(node)).phase()).isEqualTo(Phase.READY);
        assertThat(driver.calls().count(node.name(), "commission")).isEqualTo(1);
    }

    @Test
    void instantStepsFailWithTheInjectedKind() {
        NodeSpec node = identified();
        join(driver.commission(node));
        driver.faults(node.name()).fail(LabStep.APPLY_STORAGE, 1, Kind.FAILED);
        assertThat(failure(driver.apply(node, ApplyStep.STORAGE)).kind()).isEqualTo(Kind.FAILED);
        join(driver.apply(node, ApplyStep.STORAGE));
        assertThat(driver.calls().calls(node.name()).stream().map(LabCallLog.Call::result))
                .containsExactly(
                        LabCallLog.Result.DONE,
                        LabCallLog.Result.DONE,
                        LabCallLog.Result.FAILED,
                        LabCallLog.Result.DONE);
    }

    @Test
    void aFailedEraseLeavesTheMachineFailedUntilReleasedAgain() {
        NodeSpec node = identified();
        join(driver.commission(node));
        join(driver.deploy(node));
        driver.faults(node.name()).fail(LabStep.ERASE, 1);
        assertThat(failure(driver.destroy(node, true)).getMessage()).contains("Failed disk erasing");
        assertThat(join(driver.destroy(node, true)).phase()).isEqualTo(Phase.READY);
        assertThat(driver.calls().steps(node.name())).endsWith("deploy", "release", "erase");
    }

    @Test
    void aDownBootstrapperIsUnreachable() {
        NodeSpec node = LabNodes.fresh("down");
        driver.unreachable(true);
        try {
            DriverException e = failure(driver.identify(node));
            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(e.retriable()).isTrue();
            assertThat(failure(driver.verifySite()).kind()).isEqualTo(Kind.UNREACHABLE);
        } finally {
            driver.unreachable(false);
        }
        assertThat(join(driver.identify(node)).phase()).isEqualTo(Phase.NEW);
    }

    @Test
    void faultsComeFromConfiguration() {
        JsonObject config = new JsonObject()
                .put("deployMs", 0)
                .put("commissionMs", 0)
                .put(
                        "faults",
                        new JsonObject().put("n1", new JsonObject().put("fail", new JsonObject().put("deploy", 1))));
        LabNodeDriver configured = (LabNodeDriver) new LabNodeDriverProvider().create(DriverContext.of(vertx), config);
        NodeSpec node = LabNodes.named("n1", 1);
        join(configured.identify(node));
        join(configured.commission(node));
        assertThat(failure(configured.deploy(node)).kind()).isEqualTo(Kind.REFUSED);
        assertThat(join(configured.deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);
    }

    @Test
    void withRequirePowerANodeDeploysOnlyWhileItsChassisIsOn() {
        LabNodeDriver powered =
                LabNodeDriver.create(vertx, LabNodeConfig.instant().withRequirePower(true));
        LabBmc bmc = join(LabBmc.start(vertx, LabBmcConfig.defaults("lab-power")));
        try {
            NodeSpec node = LabNodes.named("powered", 3);
            powered.attach(node.name(), bmc.chassis());
            join(powered.identify(node));
            DriverException off = failure(powered.commission(node));
            assertThat(off.kind()).isEqualTo(Kind.REFUSED);
            assertThat(off.getMessage()).contains("powered off");
            bmc.chassis().forcePower(PowerState.ON);
            join(powered.commission(node));
            assertThat(join(powered.deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);
        } finally {
            join(bmc.stop());
        }
    }
}
