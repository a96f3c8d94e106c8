package io.slipway.drivers.ipmi;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

  @Override
  public Future<PowerState> setPower(OobTarget target, PowerAction action) {
    return powerState(target)
        .compose(
            now -> {
              if (now == action.expected()
                  && (action == PowerAction.ON || action.expected() == PowerState.OFF)) {
                return Future.succeededFuture(now);
              }
              // A cycle or reset of a node that is off means "make it run": power it on instead.
              PowerAction sent =
                  now == PowerState.OFF && action.expected() == PowerState.ON
                      ? PowerAction.ON
                      : action;
              return call(target, Chassis.control(sent), "Chassis Control " + sent)
                  .compose(
                      v ->
                          poller.await(
                              () -> powerState(target), action.expected(), "BMC " + target));
            });
  }

  @Override
  public Future<Void> setBootDevice(OobTarget target, BootOptions options) {
    return call(target, Chassis.setBootFlags(options), "Set System Boot Options")
        .compose(v -> bootDevice(target))
        .compose(read -> options.confirmedBy(read, "BMC " + target));
  }

  @Override
  public Future<BootOptions> bootDevice(OobTarget target) {
    return call(target, Chassis.getBootFlags(), "Get System Boot Options").map(Chassis::bootFlags);
  }

  @Override
  public Future<OobInventory> interrogate(OobTarget target) {
    var exec = executor(target);
    return powerState(target)
        .compose(
            power ->
                call(target, DeviceId.request(), "Get Device ID")
                    .map(DeviceId::parse)
                    .compose(
                        id ->
                            optional(
                                    new FruReader(exec).read(0).map(Fru::parse),
                                    Map.<String, String>of())
                                .compose(
                                    fru ->
                                        optional(
                                                new SdrReader(exec).readings(),
                                                List.<SensorReading>of())
                                            .map(
                                                sensors ->
                                                    new OobInventory(
                                                        power, id.asMap(), fru, sensors)))));
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
      return r ->
          Future.failedFuture(DriverException.auth("no IPMI credentials for BMC " + target));
    }
    BmcKey key =
        new BmcKey(
            target.address(),
            target.portOr(DEFAULT_PORT),
            target.credentials(),
            target.option("cipherSuite").orElse(defaultSuite));
    return r -> client.execute(key, r);
  }

  /** FRU and SDR are optional features: a BMC without them still yields an inventory. */
  private static <T> Future<T> optional(Future<T> read, T fallback) {
    return read.recover(
        err ->
            err instanceof DriverException de
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
        new DriverException(
            DriverException.Kind.FAILED, false, "IPMI exchange failed: " + err, null, err));
  }
}
