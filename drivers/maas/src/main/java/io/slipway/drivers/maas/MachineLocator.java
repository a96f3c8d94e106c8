package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Forms;
import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.NodeSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a node's machine in MAAS: by BMC address ({@code op=power_parameters}), else by boot MAC,
 * else by hostname, and enrolls it ({@code POST machines/}) when {@link #findOrEnroll} finds none, with the
 * design's BMC address and its {@code account}/{@code credential} as MAAS's {@code power_user}/{@code power_pass}
 * (MAAS powers the machine on to commission it, and reverts it to New when it cannot).
 * The system id found is remembered per node name and re-checked on every use, so a machine
 * deleted in MAAS is looked up again. Thread-safe.
 */
final class MachineLocator {
    private final MaasClient client;
    private final MaasConfig config;
    private final Map<String, String> systemIds = new ConcurrentHashMap<>();

    MachineLocator(MaasClient client, MaasConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The node's machine, or null when MAAS does not know it. Read-only. */
    Future<Machine> find(NodeSpec node) {
        String known = systemIds.get(node.name());
        Future<Machine> cached = known == null ? Future.succeededFuture(null) : read(known);
        return cached.compose(m -> m != null ? Future.succeededFuture(m) : search(node))
                .onSuccess(m -> {
                    if (m != null) {
                        systemIds.put(node.name(), m.systemId());
                    }
                });
    }

    /** The node's machine; fails {@code REFUSED} when MAAS does not know it. */
    Future<Machine> require(NodeSpec node) {
        return find(node)
                .compose(m -> m != null
                        ? Future.succeededFuture(m)
                        : Future.failedFuture(new DriverException(
                                Kind.REFUSED,
                                false,
                                "node " + node.name() + " is not known to MAAS; identify it first")));
    }

    Future<Machine> findOrEnroll(NodeSpec node) {
        return find(node).compose(m -> m != null ? Future.succeededFuture(m) : enroll(node));
    }

    Future<Machine> read(String systemId) {
        return client.getObject("machines/" + systemId + "/")
                .map(Machine::from)
                .recover(e -> notFound(e) ? Future.succeededFuture(null) : Future.failedFuture(e));
    }

    private Future<Machine> search(NodeSpec node) {
        Future<String> byBmc =
                node.oobAddress() == null ? Future.succeededFuture(null) : byPowerAddress(node.oobAddress());
        return byBmc.compose(id -> id != null ? read(id) : first(byQuery(node)));
    }

    private Future<String> byPowerAddress(String address) {
        return client.getObject("machines/", "op", "power_parameters").map(all -> {
            for (String systemId : all.fieldNames()) {
                JsonObject params = all.getJsonObject(systemId, new JsonObject());
                if (address.equals(params.getString("power_address"))) {
                    return systemId;
                }
            }
            return null;
        });
    }

    private Future<JsonArray> byQuery(NodeSpec node) {
        return node.bootMac() != null
                ? client.getArray("machines/", "mac_address", node.bootMac())
                : client.getArray("machines/", "hostname", node.name());
    }

    private static Future<Machine> first(Future<JsonArray> list) {
        return list.map(a -> a.isEmpty() ? null : Machine.from(a.getJsonObject(0)));
    }

    private Future<Machine> enroll(NodeSpec node) {
        if (node.bootMac() == null) {
            return Future.failedFuture(new DriverException(
                    Kind.REFUSED,
                    false,
                    "node " + node.name() + " is not in MAAS and has no boot MAC to enroll it with"));
        }
        Map<String, String> oob = node.oobParameters() == null ? Map.of() : node.oobParameters();
        String user = oob.get("account");
        String password = oob.get("credential");
        String type = powerType(node.oobType());
        if (!type.equals("manual") && (blank(node.oobAddress()) || blank(user) || blank(password))) {
            return Future.failedFuture(new DriverException(
                    Kind.REFUSED,
                    false,
                    "node " + node.name() + ": MAAS needs the BMC's "
                            + "address, account and credential to power a " + type + " machine; the design gives "
                            + (blank(node.oobAddress())
                                    ? "no address"
                                    : blank(user) ? "no account" : "no credential")));
        }
        return client.post(
                        "machines/",
                        null,
                        Forms.of(
                                "architecture",
                                config.architecture(),
                                "mac_addresses",
                                node.bootMac(),
                                "hostname",
                                node.name(),
                                "power_type",
                                powerType(node.oobType()),
                                "power_parameters_power_address",
                                type.equals("manual") ? null : node.oobAddress(),
                                "power_parameters_power_user",
                                type.equals("manual") ? null : user,
                                "power_parameters_power_pass",
                                type.equals("manual") ? null : password))
                .map(o -> Machine.from((JsonObject) o));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** MAAS drives power itself; BMC types it knows keep their name, anything else is manual. */
    private static String powerType(String oobType) {
        return oobType != null && (oobType.equals("ipmi") || oobType.equals("redfish")) ? oobType : "manual";
    }

    static boolean notFound(Throwable e) {
        return e instanceof DriverException de && de.completionCode().orElse(0) == 404;
    }
}
