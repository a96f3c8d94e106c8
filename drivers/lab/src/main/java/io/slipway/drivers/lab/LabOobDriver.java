package io.slipway.drivers.lab;

import io.slipway.drivers.lab.bmc.LabBmc;
import io.slipway.drivers.lab.bmc.LabBmcConfig;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobInventory;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@code lab} OOB driver: every node gets an in-JVM simulated BMC, created on first use, and is
 * then driven by the real IPMI driver over loopback UDP, so a demo or a scale test exercises the
 * same client code as a data centre.
 *
 * <p>The simulated BMC of a target is keyed by its address and port and accepts the credentials of
 * the first call that created it. Target options set its faults on every call: {@code lab.loss}
 * (0–1), {@code lab.latencyMs}, {@code lab.dead} and {@code lab.powerDelayMs}.
 */
public final class LabOobDriver implements OobDriver {

    public static final String TYPE = "lab";

    private final Vertx vertx;
    private final OobDriver ipmi;
    private final Map<String, Future<LabBmc>> bmcs = new ConcurrentHashMap<>();

    public LabOobDriver(Vertx vertx, OobDriver ipmi) {
        this.vertx = vertx;
        this.ipmi = ipmi;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * The simulated BMC behind {@code target}, started if needed; for tests and the lab bootstrapper.
     */
    public Future<LabBmc> bmc(OobTarget target) {
        Credentials c = target.credentials() == null ? Credentials.of("admin", "password") : target.credentials();
        LabBmcConfig config = LabBmcConfig.defaults("LAB-" + target.address()).withPassword(c.password());
        return bmcs.computeIfAbsent(
                        target.address() + ":" + target.port(),
                        k -> LabBmc.start(
                                vertx,
                                new LabBmcConfig(
                                        config.host(),
                                        0,
                                        c.username(),
                                        c.password(),
                                        config.cipherSuites(),
                                        true,
                                        config.maxFruRead(),
                                        config.fru(),
                                        config.sensors())))
                .map(b -> applyFaults(b, target));
    }

    /** Every simulated BMC started so far. */
    public List<Future<LabBmc>> bmcs() {
        return List.copyOf(bmcs.values());
    }

    @Override
    public Future<PowerState> powerState(OobTarget target) {
        return via(target, ipmi::powerState);
    }

    @Override
    public Future<PowerState> setPower(OobTarget target, PowerAction action) {
        return via(target, t -> ipmi.setPower(t, action));
    }

    @Override
    public Future<Void> setBootDevice(OobTarget target, BootOptions options) {
        return via(target, t -> ipmi.setBootDevice(t, options));
    }

    @Override
    public Future<BootOptions> bootDevice(OobTarget target) {
        return via(target, ipmi::bootDevice);
    }

    @Override
    public Future<OobInventory> interrogate(OobTarget target) {
        return via(target, ipmi::interrogate);
    }

    @Override
    public Future<Void> validate(OobTarget target) {
        return via(target, ipmi::validate);
    }

    @Override
    public Future<Void> close() {
        List<Future<Void>> stops =
                bmcs.values().stream().map(f -> f.compose(LabBmc::stop)).toList();
        return Future.all(stops).transform(ar -> ipmi.close());
    }

    private <T> Future<T> via(OobTarget target, Function<OobTarget, Future<T>> call) {
        return bmc(target).compose(b -> call.apply(target.withEndpoint(b.host(), b.port())));
    }

    private static LabBmc applyFaults(LabBmc bmc, OobTarget target) {
        target.option("lab.loss").ifPresent(v -> bmc.faults().loss(Double.parseDouble(v)));
        target.option("lab.latencyMs").ifPresent(v -> bmc.faults().latencyMs(Long.parseLong(v)));
        target.option("lab.dead").ifPresent(v -> bmc.faults().dead(Boolean.parseBoolean(v)));
        target.option("lab.powerDelayMs").ifPresent(v -> bmc.faults().powerDelayMs(Long.parseLong(v)));
        return bmc;
    }
}
