package io.slipway.drivers.spi.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link NetworkDriver} must show. A driver's test extends this class, starts a
 * switch to talk to (simulator, lab, real peer) and implements the hooks.
 *
 * <p>Tests run on the JUnit thread and wait for futures there, never on an event loop. Each test
 * asks for a {@link #newPort()} of its own, so the backing switch may be shared between tests.
 */
public abstract class NetworkDriverContract extends io.slipway.drivers.spi.DriverContractSupport {

    /** The driver under test; the same instance for every test of a class is fine. */
    protected abstract NetworkDriver driver();

    /** A reachable port no other test uses, cabled to a node interface. */
    protected abstract PortRef newPort();

    /** The provisioning configuration used by the tests: the PXE VLAN untagged. */
    protected PortConfig provisioningConfig() {
        return new PortConfig("100", List.of(), 1500, false);
    }

    /** The production configuration used by the tests: a native VLAN and two tagged ones. */
    protected PortConfig productionConfig() {
        return new PortConfig("200", List.of("110", "120"), 9000, true);
    }

    /** A port on a switch that does not answer, or {@code null} when the driver reaches nothing. */
    protected PortRef unreachablePort() {
        return null;
    }

    /** A configuration the switch must refuse (e.g. a VLAN id out of range), or {@code null}. */
    protected PortConfig invalidConfig() {
        return null;
    }

    /**
     * How many configuration changes the backing switch has applied to {@code port}, or -1 when the
     * test cannot observe it (then idempotence is checked on the reported state only).
     */
    protected int changes(PortRef port) {
        return -1;
    }

    @Test
    void typeIsNamed() {
        assertThat(driver().type()).isNotBlank().isLowerCase();
    }

    @Test
    void interrogateReportsAModeAndVlans() {
        PortState state = await(driver().interrogate(newPort()));
        assertThat(state.mode()).isIn("provisioning", "production", "unknown");
        assertThat(state.taggedVlans()).isNotNull();
    }

    @Test
    void provisioningPutsThePxeVlanUntagged() {
        PortRef port = newPort();
        PortState state = await(driver().configureProvisioning(port, provisioningConfig()));
        assertThat(state.mode()).isEqualTo("provisioning");
        assertThat(state.nativeVlan()).isEqualTo(provisioningConfig().nativeVlan());
        assertThat(await(driver().interrogate(port))).isEqualTo(state);
    }

    @Test
    void productionSetsNativeAndTaggedVlans() {
        PortRef port = newPort();
        PortConfig wanted = productionConfig();
        PortState state = await(driver().configureProduction(port, wanted));
        assertThat(state.mode()).isEqualTo("production");
        assertThat(state.nativeVlan()).isEqualTo(wanted.nativeVlan());
        assertThat(state.taggedVlans()).containsExactlyInAnyOrderElementsOf(wanted.taggedVlans());
        if (wanted.mtu() > 0) {
            assertThat(state.mtu()).isEqualTo(wanted.mtu());
        }
        assertThat(await(driver().interrogate(port))).isEqualTo(state);
    }

    @Test
    void configuringTwiceChangesNothing() {
        PortRef port = newPort();
        PortState first = await(driver().configureProvisioning(port, provisioningConfig()));
        int changes = changes(port);
        assertThat(await(driver().configureProvisioning(port, provisioningConfig())))
                .isEqualTo(first);
        if (changes >= 0) {
            assertThat(changes(port)).as("no second change").isEqualTo(changes);
        }
        PortState production = await(driver().configureProduction(port, productionConfig()));
        int afterProduction = changes(port);
        assertThat(await(driver().configureProduction(port, productionConfig())))
                .isEqualTo(production);
        if (afterProduction >= 0) {
            assertThat(afterProduction).isEqualTo(changes + 1);
            assertThat(changes(port)).as("no second change").isEqualTo(afterProduction);
        }
    }

    @Test
    void provisioningAfterProductionRevertsThePort() {
        PortRef port = newPort();
        await(driver().configureProduction(port, productionConfig()));
        PortState state = await(driver().configureProvisioning(port, provisioningConfig()));
        assertThat(state.mode()).isEqualTo("provisioning");
        assertThat(state.nativeVlan()).isEqualTo(provisioningConfig().nativeVlan());
        assertThat(state.taggedVlans())
                .containsExactlyInAnyOrderElementsOf(provisioningConfig().taggedVlans());
    }

    @Test
    void invalidConfigurationIsRefusedWithoutAChange() {
        PortConfig invalid = invalidConfig();
        assumeTrue(invalid != null, "driver validates nothing itself");
        PortRef port = newPort();
        PortState before = await(driver().interrogate(port));
        DriverException e = awaitFailure(driver().configureProduction(port, invalid));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.REFUSED);
        assertThat(await(driver().interrogate(port))).isEqualTo(before);
    }

    @Test
    void unreachableSwitchFailsRetriably() {
        PortRef nowhere = unreachablePort();
        assumeTrue(nowhere != null, "driver reaches no switch");
        DriverException e = awaitFailure(driver().configureProvisioning(nowhere, provisioningConfig()));
        assertThat(e.kind()).isIn(DriverException.Kind.UNREACHABLE, DriverException.Kind.TIMEOUT);
        assertThat(e.retriable()).isTrue();
    }

    @Test
    void futuresCompleteOnAVertxContext() {
        PortRef port = newPort();
        Thread caller = Thread.currentThread();
        for (int attempt = 0; attempt < 20; attempt++) {
            CompletableFuture<Boolean> onContext = new CompletableFuture<>();
            driver().interrogate(port)
                    .onComplete(ar ->
                            // a listener attached after completion runs on the caller: that proves nothing
                            onContext.complete(
                                    Thread.currentThread() == caller ? null : Vertx.currentContext() != null));
            Boolean seen = joinWithin(onContext);
            if (seen != null) {
                assertThat(seen).as("completed on a Vert.x context thread").isTrue();
                return;
            }
        }
        throw new AssertionError("every call completed before a listener could be attached");
    }
}
