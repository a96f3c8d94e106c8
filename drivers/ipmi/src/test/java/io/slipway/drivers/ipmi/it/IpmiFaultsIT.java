package io.slipway.drivers.ipmi.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.ipmi.IpmiOobDriverProvider;
import io.slipway.drivers.ipmi.sim.IpmiSim;
import io.slipway.drivers.ipmi.sim.IpmiSimInstance;
import io.slipway.drivers.ipmi.sim.UdpFaultProxy;
import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The IPMI driver against 20 OpenIPMI {@code ipmi_sim} BMCs, each behind a fault-injecting UDP
 * relay: a lost first answer at every handshake step, 30 % loss both ways, and BMCs answering after
 * 1.5 s and 5 s. Executions are counted in each BMC's chassis-control log.
 */
class IpmiFaultsIT {

    private static final int N = 20;
    private static IpmiSim sim;
    private static ScheduledExecutorService delayer;
    private final List<UdpFaultProxy> proxies = new ArrayList<>();
    private Vertx vertx;
    private OobDriver driver;

    @BeforeAll
    static void startSims() throws Exception {
        IpmiSim.requireOrSkip();
        sim = IpmiSim.start(N);
        delayer = UdpFaultProxy.delayer();
    }

    @AfterAll
    static void stopSims() {
        if (sim != null) {
            sim.close();
            delayer.shutdownNow();
        }
    }

    @BeforeEach
    void proxies() throws Exception {
        for (IpmiSimInstance i : sim.instances()) {
            i.reset();
            proxies.add(UdpFaultProxy.start(i.port(), delayer));
        }
        vertx = Vertx.vertx();
    }

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        proxies.forEach(UdpFaultProxy::close);
    }

    /** Get Channel Auth Capabilities, Open Session, RAKP 2, RAKP 4, the first in-session answer. */
    @ParameterizedTest(name = "first answer of kind {0} lost")
    @ValueSource(ints = {UdpFaultProxy.SESSIONLESS, 0x11, 0x13, 0x15, 0x00})
    void aLostHandshakeAnswerIsRecoveredOnEveryBmc(int kind) throws Exception {
        proxies.forEach(p -> p.dropFirstAnswer(kind));
        driver = driver(new JsonObject());
        long start = System.nanoTime();
        List<PowerState> states = all(t -> driver.powerState(t));
        assertThat(states).hasSize(N).containsOnly(PowerState.OFF);
        assertThat(proxies).allSatisfy(p -> assertThat(p.dropped()).isEqualTo(1));
        // recovered by one retransmission, not by waiting out a bound and starting over
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
    }

    @Test
    void provisioningSucceedsAtThirtyPercentLossBothWays() throws Exception {
        proxies.forEach(p -> p.loss(0.30));
        // at 30 % loss each way a round trip fails 51 % of the time: more retransmissions than the
        // default, each at most 0.5 s apart (1 s for the commands that act)
        driver = driver(new JsonObject().put("retries", 15).put("maxRtoMs", 500).put("attemptTimeoutMs", 500));
        // a retriable failure is retried once, as the engine's step retry policy does: a session the
        // BMC expired while its requests kept getting lost ends in a retriable TIMEOUT
        all(t -> provision(t)
                .recover(e ->
                        e instanceof DriverException de && de.retriable() ? provision(t) : Future.failedFuture(e)));
        for (IpmiSimInstance i : sim.instances()) {
            assertThat(i.power()).isEqualTo("1");
            assertThat(i.boot()).isEqualTo("pxe");
        }
        assertThat(proxies.stream().mapToInt(UdpFaultProxy::dropped).sum()).isPositive();
    }

    @Test
    void aBmcAnsweringAfterOnePointFiveSecondsIsCycledExactlyOnce() throws Exception {
        for (IpmiSimInstance i : sim.instances()) {
            java.nio.file.Files.writeString(i.chassisDir().resolve("power"), "1\n");
        }
        proxies.forEach(p -> p.delayAnswers(1500));
        driver = driver(new JsonObject());
        assertThat(all(t -> driver.setBootDevice(t, BootOptions.onceKeepingMode(BootDevice.PXE))
                        .compose(v -> driver.setPower(t, PowerAction.CYCLE))))
                .containsOnly(PowerState.ON);
        for (IpmiSimInstance i : sim.instances()) {
            assertThat(i.actions()).containsExactly("set boot pxe", "set power 0", "set power 1");
        }
    }

    @Test
    void aBmcAnsweringAfterFiveSecondsIsPoweredOnOnce() throws Exception {
        proxies.forEach(p -> p.delayAnswers(5000));
        driver = driver(new JsonObject());
        assertThat(all(t -> driver.setPower(t, PowerAction.ON))).containsOnly(PowerState.ON);
        for (IpmiSimInstance i : sim.instances()) {
            assertThat(i.actions()).containsExactly("set power 1");
        }
    }

    private Future<PowerState> provision(OobTarget t) {
        return driver.setBootDevice(t, BootOptions.onceKeepingMode(BootDevice.PXE))
                .compose(v -> driver.setPower(t, PowerAction.ON));
    }

    private OobDriver driver(JsonObject overrides) {
        return new IpmiOobDriverProvider()
                .create(
                        io.slipway.drivers.spi.DriverContext.of(vertx),
                        new JsonObject()
                                .put("cipherSuite", "3")
                                .put("pollIntervalMs", 200)
                                .mergeIn(overrides));
    }

    private <T> List<T> all(Function<OobTarget, Future<T>> op) throws Exception {
        List<Future<T>> calls = new ArrayList<>();
        for (UdpFaultProxy p : proxies) {
            calls.add(op.apply(OobTarget.of("127.0.0.1", p.port(), Credentials.of(IpmiSim.USER, IpmiSim.PASSWORD))));
        }
        Future.all(calls).toCompletionStage().toCompletableFuture().get(150, TimeUnit.SECONDS);
        return calls.stream().map(Future::result).toList();
    }
}
