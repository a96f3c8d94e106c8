package io.slipway.drivers.redfish;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootMode;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobInventory;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedfishDriverFeaturesTest {

    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private RedfishSimulator sim(int systems, boolean tls) {
        return join(new RedfishSimulator(vertx, systems).start(tls));
    }

    /**
     * The request bound is not under test here: 10 s, because the first exchange of a fresh JVM
     * (class loading of the client and the simulator's router) takes 0.8-2.3 s on the shared 2-core
     * machine, and a 1 s bound turned a 401 into TIMEOUT.
     */
    private OobDriver driver(JsonObject extra) {
        JsonObject config = RedfishOobDriverTest.CONFIG.copy().put("requestTimeoutMs", 10_000);
        return new RedfishOobDriverProvider().create(DriverContext.of(vertx), config.mergeIn(extra));
    }

    private static OobTarget target(RedfishSimulator sim, String scheme) {
        return OobTarget.of("127.0.0.1", sim.port(), Credentials.of("admin", "password"))
                .withOption("scheme", scheme);
    }

    @Test
    void sessionTokensAreReusedAndRenewedWhenRejected() {
        RedfishSimulator sim = sim(1, false);
        OobDriver driver = driver(new JsonObject().put("auth", "session"));
        join(driver.powerState(target(sim, "http")));
        join(driver.powerState(target(sim, "http")));
        assertThat(sim.logins).isEqualTo(1);
        sim.expireSessions();
        assertThat(join(driver.powerState(target(sim, "http")))).isEqualTo(PowerState.OFF);
        assertThat(sim.logins).isEqualTo(2);
    }

    @Test
    void tlsWithoutVerificationReachesASelfSignedService() {
        RedfishSimulator sim = sim(1, true);
        OobDriver driver = driver(new JsonObject().put("tlsVerify", false));
        assertThat(join(driver.setPower(target(sim, "https"), PowerAction.ON))).isEqualTo(PowerState.ON);
    }

    @Test
    void tlsVerificationRejectsASelfSignedService() {
        RedfishSimulator sim = sim(1, true);
        DriverException e = failure(driver(new JsonObject()).validate(target(sim, "https")));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.FAILED);
        assertThat(e.retriable()).isFalse();
    }

    @Test
    void tlsVerificationAcceptsACertificateFromTheConfiguredCa() {
        RedfishSimulator sim = sim(1, true);
        OobDriver driver = driver(new JsonObject().put("caPem", sim.certificatePath()));
        OobTarget byName = OobTarget.of("localhost", sim.port(), Credentials.of("admin", "password"));
        assertThat(join(driver.powerState(byName))).isEqualTo(PowerState.OFF);
    }

    @Test
    void severalSystemsNeedASystemId() {
        RedfishSimulator sim = sim(3, false);
        OobDriver driver = driver(new JsonObject());
        assertThat(failure(driver.validate(target(sim, "http"))).getMessage()).contains("systemId");
        join(driver.setPower(target(sim, "http").withOption("systemId", "2"), PowerAction.ON));
        assertThat(sim.system(2).getString("PowerState")).isEqualTo("On");
        assertThat(sim.system(1).getString("PowerState")).isEqualTo("Off");
    }

    @Test
    void bootOverrideCarriesPersistenceAndMode() {
        RedfishSimulator sim = sim(1, false);
        OobDriver driver = driver(new JsonObject());
        join(driver.setBootDevice(target(sim, "http"), new BootOptions(BootDevice.PXE, true, BootMode.EFI)));
        assertThat(sim.system(1).getJsonObject("Boot").getString("BootSourceOverrideEnabled"))
                .isEqualTo("Continuous");
        assertThat(join(driver.bootDevice(target(sim, "http"))))
                .isEqualTo(new BootOptions(BootDevice.PXE, true, BootMode.EFI));
    }

    @Test
    void aResetTheServiceDoesNotOfferIsUnsupported() {
        RedfishSimulator sim = sim(1, false);
        OobDriver driver = driver(new JsonObject());
        sim.system(1)
                .getJsonObject("Actions")
                .getJsonObject("#ComputerSystem.Reset")
                .put("ResetType@Redfish.AllowableValues", new io.vertx.core.json.JsonArray().add("On"));
        join(driver.setPower(target(sim, "http"), PowerAction.ON));
        DriverException unsupported = failure(driver.setPower(target(sim, "http"), PowerAction.OFF));
        assertThat(unsupported.kind()).isEqualTo(DriverException.Kind.UNSUPPORTED);
    }

    @Test
    void wrongPasswordCarriesTheHttpStatus() {
        RedfishSimulator sim = sim(1, false);
        OobTarget bad = OobTarget.of("127.0.0.1", sim.port(), Credentials.of("admin", "x"))
                .withOption("scheme", "http");
        DriverException e = failure(driver(new JsonObject()).validate(bad));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.AUTH);
        assertThat(e.completionCode()).hasValue(401);
        assertThat(e.getMessage()).contains("Authentication required");
    }

    /**
     * Real BMCs and sushy-tools send {@code WWW-Authenticate} with a 401; the driver answers it with
     * AUTH and the BMC's text on both paths, never a retry that runs into the request bound.
     */
    @Test
    void aChallengingBmcsRefusalIsAuthWithItsMessageOnBothPaths() {
        RedfishSimulator sim = sim(1, false);
        WebClient raw = WebClient.create(vertx);
        HttpResponse<Buffer> plain =
                join(raw.get(sim.port(), "127.0.0.1", "/redfish/v1/Systems").send());
        HttpResponse<Buffer> login = join(raw.post(sim.port(), "127.0.0.1", "/redfish/v1/SessionService/Sessions")
                .sendJsonObject(new JsonObject().put("UserName", "admin").put("Password", "x")));
        assertThat(plain.statusCode()).isEqualTo(401);
        assertThat(plain.getHeader("WWW-Authenticate")).isEqualTo(RedfishSimulator.CHALLENGE);
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.getHeader("WWW-Authenticate")).isEqualTo(RedfishSimulator.CHALLENGE);
        OobTarget bad = OobTarget.of("127.0.0.1", sim.port(), Credentials.of("admin", "x"))
                .withOption("scheme", "http");
        DriverException basic = failure(driver(new JsonObject()).validate(bad));
        DriverException session =
                failure(driver(new JsonObject().put("auth", "session")).validate(bad));
        assertThat(basic.kind()).as(basic.toString()).isEqualTo(DriverException.Kind.AUTH);
        assertThat(basic.getMessage()).contains("HTTP 401", "invalid user name or password");
        assertThat(session.kind()).as(session.toString()).isEqualTo(DriverException.Kind.AUTH);
        assertThat(session.getMessage()).contains("login", "HTTP 401", "(Invalid credentials)");
        assertThat(basic.retriable()).isFalse();
        assertThat(session.retriable()).isFalse();
        assertThat(sim.logins).isZero();
    }

    @Test
    void interrogateReadsSystemAndThermal() {
        RedfishSimulator sim = sim(1, false);
        OobInventory inv = join(driver(new JsonObject()).interrogate(target(sim, "http")));
        assertThat(inv.fru()).containsEntry("product.serial", "RF-1");
        assertThat(inv.device()).containsEntry("firmware", "1.2.3");
        assertThat(inv.sensors()).hasSize(2);
    }

    static <T> T join(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static DriverException failure(Future<?> f) {
        try {
            join(f);
        } catch (DriverException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
