package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.DeviceAliases;
import io.slipway.drivers.spi.node.HardwareManifest;
import io.slipway.drivers.spi.node.Inventory;
import io.slipway.drivers.spi.node.NodeSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Commissioning data MAAS keeps: the output of its {@code maas-lshw} script ({@code
 * provisioningserver/refresh/node_info_scripts.py:30}) in the machine's current commissioning script set,
 * asked for by that exact name ({@code filter_script_results} matches a script's name, tag or id, {@code
 * api/scriptresults.py:39-72}). It gives the {@link HardwareManifest} and the {@link Inventory} the design's
 * device aliases resolve against ({@link DeviceAliases}). A machine without that result is an error, never
 * silently another document.
 */
final class Manifests {
    static final String LSHW = "maas-lshw";
    private final MaasClient client;

    Manifests(MaasClient client) {
        this.client = client;
    }

    Future<HardwareManifest> of(Machine m) {
        return lshw(m).map(xml ->
                new HardwareManifest("lshw", "xml", xml, summary(m.raw(), LshwInventory.parse(xml, m.systemId()))));
    }

    /** The node's device names: its aliases resolved against the machine's lshw; fails naming an alias that does not resolve. */
    Future<DeviceAliases.Resolution> resolve(Machine m, NodeSpec node) {
        if (node.deviceAliases().isEmpty()) {
            return Future.succeededFuture(new DeviceAliases.Resolution(Map.of(), Map.of()));
        }
        return lshw(m).map(xml -> DeviceAliases.resolve(node.deviceAliases(), LshwInventory.parse(xml, m.systemId())));
    }

    /** The device {@code nameOrAlias} names; a design alias that did not resolve fails {@code REFUSED} with the reason. */
    static String device(DeviceAliases.Resolution r, String nameOrAlias, Machine m) {
        String reason = r.unresolved().get(nameOrAlias);
        if (reason != null) {
            throw new DriverException(
                    Kind.REFUSED,
                    false,
                    "device alias " + nameOrAlias + " does not resolve on machine " + m.systemId() + ": " + reason);
        }
        return r.deviceName(nameOrAlias);
    }

    private Future<String> lshw(Machine m) {
        return client.getObject(m.nodePath("results/current-commissioning/"), "include_output", "true", "filters", LSHW)
                .compose(set -> {
                    JsonArray results = set.getJsonArray("results", new JsonArray());
                    for (int i = 0; i < results.size(); i++) {
                        JsonObject r = results.getJsonObject(i);
                        if (LSHW.equals(r.getString("name")) && r.getString("output") != null) {
                            return Future.succeededFuture(new String(
                                    Base64.getMimeDecoder().decode(r.getString("output")), StandardCharsets.UTF_8));
                        }
                    }
                    return Future.failedFuture(new DriverException(
                            Kind.REFUSED,
                            false,
                            "machine " + m.systemId() + " has no " + LSHW
                                    + " result in its current commissioning; commission it again"));
                });
    }

    private static Map<String, String> summary(JsonObject machine, Inventory inv) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("system_id", machine.getString("system_id"));
        s.put("cpus", String.valueOf(machine.getValue("cpu_count", 0)));
        s.put("memory_mib", String.valueOf(machine.getValue("memory", 0)));
        s.put(
                "nics",
                String.join(
                        ",",
                        inv.nics().stream().map(n -> n.name() + "=" + n.pci()).toList()));
        s.put(
                "disks",
                String.join(
                        ",",
                        inv.disks().stream()
                                .map(d -> d.name() + "=" + d.sizeBytes())
                                .toList()));
        s.put("architecture", machine.getString("architecture", ""));
        return Map.copyOf(s);
    }
}
