package io.slipway.drivers.ipmi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slipway.drivers.ipmi.IpmiOobDriverProvider;
import io.slipway.drivers.ipmi.sim.IpmiSim;
import io.slipway.drivers.ipmi.sim.IpmiSimInstance;
import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobInventory;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;
import io.slipway.drivers.spi.SensorReading;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Slipway sets on {@code ipmi_sim} as seen by an independent client ({@code ipmitool -I
 * lanplus -C 3}) and by the simulator's own chassis log, plus identity, FRU and sensors.
 */
class IpmiSimInteropIT {

    private static IpmiSim sim;
    private static Vertx vertx;
    private static OobDriver driver;

    @BeforeAll
    static void start() throws Exception {
        IpmiSim.requireOrSkip();
        sim = IpmiSim.start(1);
        vertx = Vertx.vertx();
        driver = new IpmiOobDriverProvider().create(DriverContext.of(vertx), IpmiOobDriverIT.CONFIG);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            await(driver.close());
            await(vertx.close());
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void ipmitoolSeesThePowerStateSlipwaySet() throws Exception {
        assertThat(await(driver.setPower(target(), PowerAction.ON))).isEqualTo(PowerState.ON);
        assertThat(IpmiTool.run(instance(), "chassis", "power", "status")).contains("Chassis Power is on");
        assertThat(await(driver.setPower(target(), PowerAction.OFF))).isEqualTo(PowerState.OFF);
        assertThat(IpmiTool.run(instance(), "chassis", "power", "status")).contains("Chassis Power is off");
    }

    @Test
    void ipmitoolSeesTheBootDeviceSlipwaySet() throws Exception {
        await(driver.setBootDevice(target(), BootOptions.once(BootDevice.PXE)));
        assertThat(IpmiTool.run(instance(), "chassis", "bootparam", "get", "5")).contains("Force PXE");
        assertThat(instance().boot()).isEqualTo("pxe");
        await(driver.setBootDevice(target(), BootOptions.persistent(BootDevice.DISK)));
        assertThat(IpmiTool.run(instance(), "chassis", "bootparam", "get", "5")).contains("Hard-Drive");
        assertThat(instance().boot()).isEqualTo("default");
    }

    @Test
    void powerCycleGoesOffThenOn() throws Exception {
        await(driver.setPower(target(), PowerAction.ON));
        int before = instance().actions().size();
        assertThat(await(driver.setPower(target(), PowerAction.CYCLE))).isEqualTo(PowerState.ON);
        assertThat(instance().actions().subList(before, instance().actions().size()))
                .containsSubsequence("set power 0", "set power 1");
    }

    @Test
    void interrogateReadsDeviceIdFruAndSensors() {
        OobInventory inventory = await(driver.interrogate(target()));
        assertThat(inventory.device())
                .containsEntry("manufacturerId", "4753")
                .containsEntry("productId", "0x0f02")
                .containsEntry("ipmiVersion", "2.0")
                .containsEntry("firmware", "9.08");
        assertThat(inventory.fru())
                .containsEntry("product.serial", "SN0001")
                .containsEntry("board.manufacturer", "SimCorp");
        assertThat(inventory.sensors()).extracting(SensorReading::name).contains("CPU Temp", "Inlet Temp", "Fan1");
        SensorReading fan = inventory.sensors().stream()
                .filter(s -> s.name().equals("Fan1"))
                .findFirst()
                .orElseThrow();
        assertThat(fan.value()).isCloseTo(6000.0, within(0.1));
        assertThat(fan.unit()).isEqualTo("RPM");
    }

    @Test
    void cipherSuiteDiscoveryFindsSuite3() {
        // the simulator answers Get Channel Cipher Suites in the sessionless IPMI 1.5 form
        OobTarget auto = target().withOption("cipherSuite", "auto");
        assertThat(await(driver.powerState(auto))).isIn(PowerState.ON, PowerState.OFF);
    }

    @Test
    void withoutDiscoveryARefusedSuite17FallsBackToSuite3() throws Exception {
        OobDriver blind = new IpmiOobDriverProvider()
                .create(
                        DriverContext.of(vertx),
                        IpmiOobDriverIT.CONFIG
                                .copy()
                                .put("cipherSuite", "auto")
                                .put("discoveryTimeoutMs", 0)
                                .put(
                                        "cipherSuites",
                                        new io.vertx.core.json.JsonArray()
                                                .add(17)
                                                .add(3)));
        // the refusal of 17 is a two-byte answer without session IDs; it must still be matched
        assertThat(await(blind.powerState(target()))).isIn(PowerState.ON, PowerState.OFF);
        await(blind.close());
    }

    @Test
    void aSuiteTheSimulatorLacksIsATypedUnsupportedError() {
        var error = org.assertj.core.api.Assertions.catchThrowableOfType(
                DriverException.class, () -> await(driver.validate(target().withOption("cipherSuite", "17"))));
        assertThat(error.kind()).isEqualTo(DriverException.Kind.UNSUPPORTED);
        assertThat(error.completionCode()).hasValue(0x04); // RMCP+ "invalid authentication algorithm"
    }

    private static IpmiSimInstance instance() {
        return sim.get(0);
    }

    private static OobTarget target() {
        return OobTarget.of("127.0.0.1", instance().port(), Credentials.of(IpmiSim.USER, IpmiSim.PASSWORD));
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the reference client against an instance. */
    static final class IpmiTool {
        static String run(IpmiSimInstance bmc, String... command) throws IOException, InterruptedException {
            var args = new java.util.ArrayList<>(java.util.List.of(
                    "ipmitool",
                    "-I",
                    "lanplus",
                    "-C",
                    "3",
                    "-H",
                    "127.0.0.1",
                    "-p",
                    Integer.toString(bmc.port()),
                    "-U",
                    IpmiSim.USER,
                    "-P",
                    IpmiSim.PASSWORD));
            args.addAll(java.util.List.of(command));
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        }
    }
}
