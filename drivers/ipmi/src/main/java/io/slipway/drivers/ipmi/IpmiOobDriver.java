package io.slipway.drivers.ipmi;

import io.slipway.drivers.ipmi.client.BmcKey;
import io.slipway.drivers.ipmi.client.IpmiClient;
import io.slipway.drivers.ipmi.client.IpmiRequest;
import io.slipway.drivers.ipmi.client.IpmiResponse;
import io.slipway.drivers.ipmi.command.Chassis;
import io.slipway.drivers.ipmi.command.CompletionCodes;
import io.slipway.drivers.ipmi.command.DeviceId;
import io.slipway.drivers.ipmi.command.Fru;
import io.slipway.drivers.ipmi.command.FruReader;
import io.slipway.drivers.ipmi.command.SdrReader;
import io.slipway.drivers.spi.BootMode;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobInventory;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerPoller;
import io.slipway.drivers.spi.PowerState;
import io.slipway.drivers.spi.SensorReading;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code ipmi} OOB driver: IPMI 2.0 over RMCP+ through the project's own {@link IpmiClient}.
 *
 * <p>Target options: {@code cipherSuite} ({@code 3}, {@code 17} or {@code auto}, default from the
 * driver configuration). The default port is 623.
 */
public final class IpmiOobDriver implements OobDriver {

    public static final String TYPE = "ipmi";
    static final int DEFAULT_PORT = 623;

    private final IpmiClient client;
    private final PowerPoller poller;
    private final String defaultSuite;

    public IpmiOobDriver(IpmiClient client, PowerPoller poller, String defaultSuite) {
        this.client = client;
        this.poller = poller;
        this.defaultSuite = defaultSuite;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Future<PowerState> powerState(OobTarget target) {
        return call(target, Chassis.getStatus(), "Get Chassis Status").map(Chassis::power);
    }

    /**
     * Reads the state first and does nothing when it already matches. Chassis Control is sent once
     * (it is never re-sent before its answer is overdue) and the result is confirmed by reading the
     * state. When Chassis Control itself goes unanswered, an on/off is still confirmed by reading
     * the state; a cycle or reset cannot be told apart from "not executed" by the state, so it fails
     * TIMEOUT, not retriable, instead of risking a second cycle.
     */
    @Override
    public Future<PowerState> setPower(OobTarget target, PowerAction action) {
        return powerState(target).compose(now -> {
            if (now == action.expected() && (action == PowerAction.ON || action.expected() == PowerState.OFF)) {
                return Future.succeededFuture(now);
            }
            // A cycle or reset of a node that is off means "make it run": power it on instead.
            PowerAction sent = now == PowerState.OFF && action.expected() == PowerState.ON ? PowerAction.ON : action;
            return call(target, Chassis.control(sent), "Chassis Control " + sent)
                    .<Object>map(v -> v)
                    .recover(err -> unanswered(err, sent))
                    .compose(v -> poller.await(() -> powerState(target), action.expected(), "BMC " + target));
        });
    }

    private static Future<Object> unanswered(Throwable err, PowerAction sent) {
        boolean timeout = err instanceof DriverException de && de.kind() == DriverException.Kind.TIMEOUT;
        if (timeout && (sent == PowerAction.ON || sent == PowerAction.OFF || sent == PowerAction.SOFT_OFF)) {
            return Future.succeededFuture(); // the state read decides
        }
        if (timeout) {
            return Future.failedFuture(new DriverException(
                    DriverException.Kind.TIMEOUT,
                    false,
                    err.getMessage() + "; whether the " + sent + " happened is unknown, so it is not"
                            + " repeated: check the node before asking again",
                    null,
                    err));
        }
        return Future.failedFuture(err);
    }

    /**
     * Sets the boot flags and reads them back. {@link BootMode#CURRENT} keeps the EFI bit the BMC
     * reports now. A BMC that reports the flags without the "valid" bit has its device checked only
     * (documented downgrade); otherwise a dropped persistent flag or boot mode fails.
     */
    @Override
    public Future<Void> setBootDevice(OobTarget target, BootOptions options) {
        return resolveMode(target, options)
                .compose(wanted -> call(target, Chassis.setBootFlags(wanted), "Set System Boot Options")
                        .compose(v -> call(target, Chassis.getBootFlags(), "Get System Boot Options"))
                        .map(Chassis::readBack)
                        .compose(read -> read.valid()
                                ? options.confirmedBy(read.options(), "BMC " + target)
                                : BootOptions.onceKeepingMode(options.device())
                                        .confirmedBy(read.options(), "BMC " + target)));
    }

    private Future<BootOptions> resolveMode(OobTarget target, BootOptions options) {
        if (options.mode() != BootMode.CURRENT) {
            return Future.succeededFuture(options);
        }
        return call(target, Chassis.getBootFlags(), "Get System Boot Options")
                .map(Chassis::readBack)
                .map(now -> options.withMode(
                        now.valid() && now.options().mode() == BootMode.EFI ? BootMode.EFI : BootMode.LEGACY));
    }

    @Override
    public Future<BootOptions> bootDevice(OobTarget target) {
        return call(target, Chassis.getBootFlags(), "Get System Boot Options").map(Chassis::bootFlags);
    }

    @Override
    public Future<OobInventory> interrogate(OobTarget target) {
        var exec = executor(target);
        return powerState(target)
                .compose(power -> call(target, DeviceId.request(), "Get Device ID")
                        .map(DeviceId::parse)
                        .compose(id -> optional(new FruReader(exec).read(0).map(Fru::parse), Map.<String, String>of())
                                .compose(fru -> optional(new SdrReader(exec).readings(), List.<SensorReading>of())
                                        .map(sensors -> new OobInventory(power, id.asMap(), fru, sensors)))));
    }

    @Override
    public Future<Void> validate(OobTarget target) {
        return call(target, DeviceId.request(), "Get Device ID").mapEmpty();
    }

    @Override
    public Future<Void> close() {
        return client.close();
    }

    private Future<IpmiResponse> call(OobTarget target, IpmiRequest request, String what) {
        return executor(target)
                .apply(request)
                .map(rsp -> CompletionCodes.require(rsp, what + " on BMC " + target))
                .recover(IpmiOobDriver::typed);
    }

    private Function<IpmiRequest, Future<IpmiResponse>> executor(OobTarget target) {
        if (target.credentials() == null) {
            return r -> Future.failedFuture(DriverException.auth("no IPMI credentials for BMC " + target));
        }
        BmcKey key = new BmcKey(
                target.address(),
                target.portOr(DEFAULT_PORT),
                target.credentials(),
                target.option("cipherSuite").orElse(defaultSuite));
        return r -> client.execute(key, r);
    }

    /** FRU and SDR are optional features: a BMC without them still yields an inventory. */
    private static <T> Future<T> optional(Future<T> read, T fallback) {
        return read.recover(err -> err instanceof DriverException de
                        && de.kind() != DriverException.Kind.TIMEOUT
                        && de.kind() != DriverException.Kind.AUTH
                ? Future.succeededFuture(fallback)
                : typed(err));
    }

    /** Anything that is not already typed (a malformed answer, a bug) becomes FAILED. */
    static <T> Future<T> typed(Throwable err) {
        if (err instanceof DriverException) {
            return Future.failedFuture(err);
        }
        return Future.failedFuture(
                new DriverException(DriverException.Kind.FAILED, false, "IPMI exchange failed: " + err, null, err));
    }
}
