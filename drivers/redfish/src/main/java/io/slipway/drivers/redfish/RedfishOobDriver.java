package io.slipway.drivers.redfish;

import io.slipway.drivers.spi.BootDevice;
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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The {@code redfish} OOB driver: ComputerSystem power through {@code ComputerSystem.Reset}, boot
 * override through a PATCH of {@code Boot}, confirmation by polling {@code PowerState}. Target
 * options are described in {@link RedfishClient}.
 */
public final class RedfishOobDriver implements OobDriver {

    public static final String TYPE = "redfish";
    private static final String RESET = "#ComputerSystem.Reset";

    private final RedfishClient client;
    private final PowerPoller poller;

    RedfishOobDriver(RedfishClient client, PowerPoller poller) {
        this.client = client;
        this.poller = poller;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Future<PowerState> powerState(OobTarget target) {
        return system(target).map(RedfishOobDriver::power);
    }

    @Override
    public Future<PowerState> setPower(OobTarget target, PowerAction action) {
        return client.systemPath(target)
                .compose(path -> client.get(target, path).compose(system -> {
                    PowerState now = power(system);
                    if (now == action.expected() && (action == PowerAction.ON || action.expected() == PowerState.OFF)) {
                        return Future.succeededFuture(now);
                    }
                    JsonObject reset =
                            system.getJsonObject("Actions", new JsonObject()).getJsonObject(RESET, new JsonObject());
                    String type = RedfishResetTypes.choose(
                            action, now, reset.getJsonArray("ResetType@Redfish.AllowableValues"));
                    if (type == null) {
                        return Future.failedFuture(DriverException.unsupported(
                                "Redfish system " + target + " offers no reset for " + action));
                    }
                    String uri = reset.getString("target", path + "/Actions/ComputerSystem.Reset");
                    return client.post(target, uri, new JsonObject().put("ResetType", type))
                            .compose(v -> poller.await(
                                    () -> powerState(target), action.expected(), "Redfish system " + target));
                }));
    }

    /**
     * PATCHes {@code Boot} and reads it back. {@link BootMode#CURRENT} sends no {@code
     * BootSourceOverrideMode}, so the system keeps the mode it has (a UEFI system is not switched to
     * legacy boot). A read-back that lost the device, the requested mode or "Continuous" fails
     * naming what was dropped.
     */
    @Override
    public Future<Void> setBootDevice(OobTarget target, BootOptions options) {
        JsonObject boot = new JsonObject()
                .put("BootSourceOverrideTarget", RedfishResetTypes.bootTarget(options.device()))
                .put(
                        "BootSourceOverrideEnabled",
                        options.device() == BootDevice.NONE
                                ? "Disabled"
                                : options.persistent() ? "Continuous" : "Once");
        if (options.mode() != BootMode.CURRENT) {
            boot.put("BootSourceOverrideMode", options.mode() == BootMode.EFI ? "UEFI" : "Legacy");
        }
        return client.systemPath(target)
                .compose(path -> client.patch(target, path, new JsonObject().put("Boot", boot)))
                .compose(v -> bootDevice(target))
                .compose(read -> options.confirmedBy(read, "Redfish system " + target));
    }

    @Override
    public Future<BootOptions> bootDevice(OobTarget target) {
        return system(target).map(s -> {
            JsonObject boot = s.getJsonObject("Boot", new JsonObject());
            BootDevice device = RedfishResetTypes.device(boot.getString("BootSourceOverrideTarget", "None"));
            boolean persistent = "Continuous".equals(boot.getString("BootSourceOverrideEnabled"));
            BootMode mode = "UEFI".equals(boot.getString("BootSourceOverrideMode")) ? BootMode.EFI : BootMode.LEGACY;
            return new BootOptions(device, persistent, mode);
        });
    }

    @Override
    public Future<OobInventory> interrogate(OobTarget target) {
        return system(target)
                .compose(s -> thermal(target, s)
                        .map(sensors -> new OobInventory(
                                power(s), RedfishInventory.device(s), RedfishInventory.fru(s), sensors)));
    }

    @Override
    public Future<Void> validate(OobTarget target) {
        return system(target).mapEmpty();
    }

    @Override
    public Future<Void> close() {
        return client.close();
    }

    private Future<JsonObject> system(OobTarget target) {
        return client.systemPath(target).compose(path -> client.get(target, path));
    }

    /** Sensors are optional: a service without a Thermal resource still yields an inventory. */
    private Future<List<SensorReading>> thermal(OobTarget target, JsonObject system) {
        JsonArray chassis = system.getJsonObject("Links", new JsonObject()).getJsonArray("Chassis", new JsonArray());
        if (chassis.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        String path = chassis.getJsonObject(0).getString("@odata.id") + "/Thermal";
        return client.get(target, path).map(RedfishInventory::sensors).otherwise(List.of());
    }

    /** Transitional states count as the state being left, so polling waits them out. */
    static PowerState power(JsonObject system) {
        return switch (system.getString("PowerState", "")) {
            case "On", "PoweringOff" -> PowerState.ON;
            case "Off", "PoweringOn" -> PowerState.OFF;
            default -> PowerState.UNKNOWN;
        };
    }
}
