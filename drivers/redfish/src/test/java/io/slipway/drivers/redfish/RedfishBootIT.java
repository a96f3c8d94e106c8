package io.slipway.drivers.redfish;

import static io.slipway.drivers.redfish.RedfishDriverFeaturesTest.failure;
import static io.slipway.drivers.redfish.RedfishDriverFeaturesTest.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootMode;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provisioning steps of the {@code redfish} driver over HTTP against the in-process {@link
 * RedfishSimulator} (strict like real BMCs; the DMTF mockup server and sushy-tools are not
 * installable here): a UEFI system stays UEFI through the PXE step, a dropped persistent flag is
 * reported, the BMC's 401 explanation reaches the error, and sessions are deleted.
 */
class RedfishBootIT {

    private Vertx vertx;
    private RedfishSimulator sim;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sim = join(new RedfishSimulator(vertx, 1).start(false));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private OobDriver driver(String auth) {
        return new RedfishOobDriverProvider()
                .create(
                        io.slipway.drivers.spi.DriverContext.of(vertx),
                        RedfishOobDriverTest.CONFIG.copy().put("auth", auth).put("requestTimeoutMs", 10_000));
    }

    private OobTarget target(String password) {
        return OobTarget.of("127.0.0.1", sim.port(), Credentials.of("admin", password))
                .withOption("scheme", "http");
    }

    @Test
    void aUefiSystemStaysUefiThroughThePxeStep() {
        OobDriver driver = driver("basic");
        join(driver.setBootDevice(target("password"), BootOptions.onceKeepingMode(BootDevice.PXE)));
        assertThat(join(driver.setPower(target("password"), PowerAction.ON))).isEqualTo(PowerState.ON);
        var boot = sim.system(1).getJsonObject("Boot");
        assertThat(boot.getString("BootSourceOverrideMode")).isEqualTo("UEFI");
        assertThat(boot.getString("BootSourceOverrideTarget")).isEqualTo("Pxe");
        assertThat(boot.getString("BootSourceOverrideEnabled")).isEqualTo("Once");
        assertThat(join(driver.bootDevice(target("password"))))
                .isEqualTo(new BootOptions(BootDevice.PXE, false, BootMode.EFI));
    }

    @Test
    void aDroppedPersistentFlagIsReported() {
        sim.dropPersistence = true;
        DriverException e = failure(driver("basic")
                .setBootDevice(target("password"), new BootOptions(BootDevice.DISK, true, BootMode.CURRENT)));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.FAILED);
        assertThat(e.getMessage()).contains("dropped the persistent flag");
    }

    @Test
    void aModeTheSystemRefusesCarriesTheBmcMessage() {
        sim.system(1)
                .getJsonObject("Boot")
                .put("BootSourceOverrideMode@Redfish.AllowableValues", new io.vertx.core.json.JsonArray().add("UEFI"));
        DriverException e = failure(driver("basic")
                .setBootDevice(target("password"), new BootOptions(BootDevice.PXE, false, BootMode.LEGACY)));
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(DriverException.Kind.REFUSED);
        assertThat(e.getMessage()).contains("HTTP 400").contains("Legacy for the property");
    }

    @Test
    void theBmcExplanationOfA401ReachesTheError() {
        DriverException e = failure(driver("basic").powerState(target("wrong")));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.AUTH);
        assertThat(e.getMessage()).contains("HTTP 401").contains("invalid user name or password");
        DriverException login = failure(driver("session").powerState(target("wrong")));
        assertThat(login.getMessage()).contains("HTTP 401").contains("Invalid credentials");
    }

    @Test
    void sessionsTheDriverCreatedAreDeletedWhenItCloses() {
        OobDriver driver = driver("session");
        join(driver.powerState(target("password")));
        join(driver.setPower(target("password"), PowerAction.ON));
        assertThat(sim.openSessions()).isEqualTo(1);
        join(driver.close());
        assertThat(sim.openSessions()).isZero();
    }
}
