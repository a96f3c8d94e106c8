package io.slipway.drivers.lab.ipmi;

import static io.slipway.drivers.lab.LabFixtures.failure;
import static io.slipway.drivers.lab.LabFixtures.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.ipmi.IpmiOobDriverProvider;
import io.slipway.drivers.ipmi.client.BmcKey;
import io.slipway.drivers.ipmi.client.IpmiClient;
import io.slipway.drivers.ipmi.client.IpmiClientOptions;
import io.slipway.drivers.ipmi.command.Chassis;
import io.slipway.drivers.lab.bmc.LabBmc;
import io.slipway.drivers.lab.bmc.LabBmcConfig;
import io.slipway.drivers.lab.bmc.LabBmcFleet;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobInventory;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Session handling, cipher suites and reads of the IPMI client against lab BMCs. */
class IpmiClientLabTest {

    private Vertx vertx;
    private OobDriver driver;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        driver = new IpmiOobDriverProvider()
                .create(
                        DriverContext.of(vertx),
                        new JsonObject()
                                .put("attemptTimeoutMs", 200)
                                .put("retries", 3)
                                .put("discoveryTimeoutMs", 100));
    }

    @AfterEach
    void stop() {
        join(driver.close());
        join(vertx.close());
    }

    private LabBmc bmc(LabBmcConfig config) {
        return join(LabBmc.start(vertx, config));
    }

    private static OobTarget target(LabBmc bmc, String suite) {
        return OobTarget.of(bmc.host(), bmc.port(), Credentials.of("admin", "password"))
                .withOption("cipherSuite", suite);
    }

    @Test
    void oneSessionServesManyRequestsIncludingConcurrentOnes() {
        LabBmc bmc = bmc(LabBmcConfig.defaults("S1"));
        List<Future<PowerState>> calls = IntStream.range(0, 10)
                .mapToObj(i -> driver.powerState(target(bmc, "3")))
                .toList();
        join(Future.all(calls));
        join(driver.powerState(target(bmc, "3")));
        assertThat(bmc.sessionsOpened()).isEqualTo(1);
    }

    @Test
    void idleSessionsAreClosedAndReopenedOnDemand() {
        LabBmc bmc = bmc(LabBmcConfig.defaults("S1"));
        IpmiClient client =
                IpmiClient.create(vertx, IpmiClientOptions.fromJson(new JsonObject().put("sessionIdleMs", 100)));
        BmcKey key = new BmcKey(bmc.host(), bmc.port(), Credentials.of("admin", "password"), "3");
        join(client.execute(key, Chassis.getStatus()));
        assertThat(join(client.openConnections())).isEqualTo(1);
        join(vertx.timer(400));
        assertThat(join(client.openConnections())).isZero();
        join(client.execute(key, Chassis.getStatus()));
        assertThat(bmc.sessionsOpened()).isEqualTo(2);
        join(client.close());
    }

    @Test
    void suite17IsUsedWhenTheBmcOffersIt() {
        LabBmc only17 = bmc(LabBmcConfig.defaults("S17").withCipherSuites(Set.of(17), true));
        assertThat(join(driver.powerState(target(only17, "17")))).isEqualTo(PowerState.OFF);
        assertThat(join(driver.powerState(target(only17, "auto")))).isEqualTo(PowerState.OFF);
    }

    @Test
    void aSuiteTheBmcRefusesIsUnsupported() {
        LabBmc only3 = bmc(LabBmcConfig.defaults("S3").withCipherSuites(Set.of(3), true));
        DriverException e = failure(driver.powerState(target(only3, "17")));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.UNSUPPORTED);
        assertThat(e.completionCode()).hasValue(0x04);
    }

    @Test
    void discoveryFallsBackWhenTheBmcIgnoresTheCipherSuiteQuery() {
        LabBmc silent = bmc(LabBmcConfig.defaults("S3").withCipherSuites(Set.of(3), false));
        assertThat(join(driver.powerState(target(silent, "auto")))).isEqualTo(PowerState.OFF);
    }

    @Test
    void anUnknownUserIsAnAuthError() {
        LabBmc bmc = bmc(LabBmcConfig.defaults("S1"));
        OobTarget stranger = OobTarget.of(bmc.host(), bmc.port(), Credentials.of("nobody", "password"));
        DriverException e = failure(driver.validate(stranger));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.AUTH);
        assertThat(e.completionCode()).hasValue(0x0D);
    }

    @Test
    void fruIsReadInSmallerChunksWhenTheBmcLimitsReads() {
        LabBmc small = bmc(LabBmcConfig.defaults("SN-SMALL").withMaxFruRead(8));
        OobInventory inventory = join(driver.interrogate(target(small, "3")));
        assertThat(inventory.fru()).containsEntry("product.serial", "SN-SMALL");
        assertThat(inventory.sensors()).hasSize(2);
        assertThat(inventory.device()).containsEntry("ipmiVersion", "2.0");
    }

    @Test
    void hundredsOfBmcsShareOneClient() {
        LabBmcFleet fleet = join(LabBmcFleet.start(vertx, 300, i -> LabBmcConfig.defaults("SN" + i)));
        List<Future<PowerState>> all = fleet.bmcs().stream()
                .map(b -> driver.powerState(target(b, "3")))
                .toList();
        assertThat(join(Future.all(all)).<PowerState>list()).hasSize(300).containsOnly(PowerState.OFF);
        join(fleet.stop());
    }
}
