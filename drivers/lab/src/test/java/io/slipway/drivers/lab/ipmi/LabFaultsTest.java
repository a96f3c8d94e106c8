package io.slipway.drivers.lab.ipmi;

import static io.slipway.drivers.lab.LabFixtures.failure;
import static io.slipway.drivers.lab.LabFixtures.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.ipmi.IpmiOobDriverProvider;
import io.slipway.drivers.lab.bmc.LabBmc;
import io.slipway.drivers.lab.bmc.LabBmcConfig;
import io.slipway.drivers.lab.bmc.LabChassis;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The IPMI driver against lab BMCs that lose packets, answer slowly, or not at all. */
class LabFaultsTest {

    private Vertx vertx;
    private LabBmc bmc;
    private OobDriver driver;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        bmc = join(LabBmc.start(vertx, LabBmcConfig.defaults("SN-F")));
    }

    @AfterEach
    void stop() {
        join(driver.close());
        join(vertx.close());
    }

    private OobTarget target() {
        return OobTarget.of(bmc.host(), bmc.port(), Credentials.of("admin", "password"));
    }

    private OobDriver driver(long attemptMs, int retries) {
        driver = new IpmiOobDriverProvider()
                .create(
                        DriverContext.of(vertx),
                        new JsonObject()
                                .put("attemptTimeoutMs", attemptMs)
                                .put("retries", retries)
                                .put("pollIntervalMs", 20)
                                .put("powerTimeoutMs", 20_000));
        return driver;
    }

    @RepeatedTest(3)
    void powerCycleSucceedsAtThirtyPercentLossAndRunsOnce() {
        bmc.chassis().forcePower(PowerState.ON);
        bmc.faults().loss(0.30);
        driver(40, 20);
        assertThat(join(driver.setPower(target(), PowerAction.CYCLE))).isEqualTo(PowerState.ON);
        // answers lost on the way back make the client retransmit; the BMC must not cycle twice
        assertThat(bmc.chassis().actions()).extracting(LabChassis.Action::what).containsOnlyOnce("power cycle");
    }

    @Test
    void aDeadBmcFailsWithTimeoutWithinTheConfiguredBound() {
        bmc.faults().dead(true);
        driver(100, 2);
        long start = System.nanoTime();
        DriverException e = failure(driver.powerState(target()));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(e.kind()).isEqualTo(DriverException.Kind.TIMEOUT);
        assertThat(e.retriable()).isTrue();
        assertThat(ms).isBetween(250L, 1300L); // 3 attempts of 100 ms, loosely
    }

    @Test
    void requestsQueuedBehindAFailedSessionSetupFailTogether() {
        bmc.faults().dead(true);
        driver(100, 2);
        long start = System.nanoTime();
        var calls = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> driver.powerState(target()))
                .toList();
        calls.forEach(c -> assertThat(failure(c).kind()).isEqualTo(DriverException.Kind.TIMEOUT));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1300L); // one bound, not five
    }

    @Test
    void aBmcSlowerThanOneAttemptStillAnswersWithinTheBound() {
        bmc.faults().latencyMs(150);
        driver(100, 5);
        assertThat(join(driver.powerState(target()))).isEqualTo(PowerState.OFF);
    }

    @Test
    void asynchronousPowerChangesAreConfirmedByPolling() {
        bmc.faults().powerDelayMs(300);
        driver(200, 3);
        assertThat(join(driver.setPower(target(), PowerAction.ON))).isEqualTo(PowerState.ON);
        assertThat(bmc.chassis().power()).isEqualTo(PowerState.ON);
    }

    @Test
    void aPowerChangeThatNeverHappensTimesOut() {
        bmc.faults().powerDelayMs(60_000);
        driver = new IpmiOobDriverProvider()
                .create(
                        DriverContext.of(vertx),
                        new JsonObject()
                                .put("attemptTimeoutMs", 200)
                                .put("pollIntervalMs", 20)
                                .put("powerTimeoutMs", 300));
        DriverException e = failure(driver.setPower(target(), PowerAction.ON));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("did not reach ON");
    }
}
