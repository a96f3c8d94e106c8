package io.slipway.drivers.ipmi.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.ipmi.IpmiOobDriverProvider;
import io.slipway.drivers.ipmi.sim.FakeBmc;
import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootMode;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverContract;
import io.slipway.drivers.spi.OobTarget;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The OOB contract against pyghmi's {@code fakebmc}, a second independent BMC implementation, with
 * cipher suite discovery ({@code auto}): this peer answers Get Channel Cipher Suites.
 */
class FakeBmcIT extends OobDriverContract {

    private static FakeBmc bmc;
    private static FakeBmc victim;
    private static FakeBmc stranger;
    private static Vertx vertx;
    private static OobDriver driver;

    @BeforeAll
    static void start() throws Exception {
        FakeBmc.requireOrSkip();
        bmc = FakeBmc.start();
        // fakebmc stops answering for a long while after a failed RAKP exchange, so the wrong
        // password goes to a second instance and the main one keeps serving the other tests
        victim = FakeBmc.start();
        stranger = FakeBmc.start();
        vertx = Vertx.vertx();
        // python starts slowly: generous attempts for the first session
        driver = new IpmiOobDriverProvider()
                .create(
                        DriverContext.of(vertx),
                        new JsonObject()
                                .put("attemptTimeoutMs", 500)
                                .put("retries", 5)
                                .put("maxRtoMs", 1000)
                                .put("discoveryTimeoutMs", 500)
                                .put("pollIntervalMs", 100)
                                .put("powerTimeoutMs", 10_000)
                                .put("cipherSuite", "auto"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        if (bmc != null) {
            bmc.close();
        }
        if (stranger != null) {
            stranger.close();
        }
        if (victim != null) {
            victim.close();
        }
    }

    @Override
    protected OobDriver driver() {
        return driver;
    }

    @Override
    protected OobTarget target() {
        return OobTarget.of("127.0.0.1", bmc.port(), Credentials.of("admin", "password"));
    }

    @Override
    protected OobTarget unreachableTarget() {
        return OobTarget.of("127.0.0.1", 9, Credentials.of("admin", "password"));
    }

    @Override
    protected java.time.Duration unreachableBound() {
        return java.time.Duration.ofMillis(500 + 1000 * 5);
    }

    /**
     * fakebmc stores the device but always reports "valid, next boot only, legacy": the dropped
     * persistent flag must be reported, not taken for success.
     */
    @Override
    @org.junit.jupiter.api.Test
    protected void diskBootPersistentReadsBack() {
        var e = awaitFailure(driver.setBootDevice(target(), BootOptions.persistent(BootDevice.DISK)));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.FAILED);
        assertThat(e.getMessage()).contains("dropped the persistent flag");
    }

    @org.junit.jupiter.api.Test
    void aDroppedEfiModeIsReported() {
        var e = awaitFailure(driver.setBootDevice(target(), new BootOptions(BootDevice.PXE, false, BootMode.EFI)));
        assertThat(e.getMessage()).contains("accepted boot mode EFI but reports LEGACY");
    }

    @org.junit.jupiter.api.Test
    void pxeKeepingTheModeIsAccepted() {
        await(driver.setBootDevice(target(), BootOptions.onceKeepingMode(BootDevice.PXE)));
        assertThat(await(driver.bootDevice(target())).device()).isEqualTo(BootDevice.PXE);
    }

    /** fakebmc never answers RAKP 1 for a user it does not know: AUTH after one more handshake. */
    @org.junit.jupiter.api.Test
    void aSilentlyUnknownUserIsAuthNotTimeout() {
        var e = awaitFailure(
                driver.powerState(OobTarget.of("127.0.0.1", stranger.port(), Credentials.of("nobody", "password"))));
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(DriverException.Kind.AUTH);
        assertThat(e.retriable()).isFalse();
        assertThat(e.getMessage()).contains("never answered RAKP 1");
    }

    @Override
    protected java.time.Duration callBound() {
        return java.time.Duration.ofSeconds(30);
    }

    @Override
    protected OobTarget wrongPasswordTarget() {
        return OobTarget.of("127.0.0.1", victim.port(), Credentials.of("admin", "wrong"));
    }
}
