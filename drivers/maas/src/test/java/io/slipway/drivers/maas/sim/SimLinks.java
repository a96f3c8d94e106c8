package io.slipway.drivers.maas.sim;

import io.slipway.drivers.maas.sim.SimRouter.Exchange;
import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/** {@code InterfaceLinkForm}'s checks, {@code src/maasserver/forms/interface_link.py} (line numbers at the commit of {@code urls_api.patterns}). */
final class SimLinks {
    private static final Set<String> MODES = Set.of("auto", "dhcp", "static", "link_up");

    private SimLinks() {}

    static void check(SimMachine m, JsonObject iface, Exchange x, SimSite site) {
        // l.79-88: a bond's parent cannot be linked
        for (Object child : iface.getJsonArray("children")) {
            m.interfaces.stream()
                    .filter(i -> i.getString("name").equals(child) && "bond".equals(i.getString("type")))
                    .findFirst()
                    .ifPresent(bond -> {
                        throw new SimError(
                                400,
                                "{\"__all__\": [\"Cannot link interface(" + iface.getString("name")
                                        + ") when interface is in a bond(" + bond.getString("name") + ").\"]}");
                    });
        }
        String mode = x.required("mode").toLowerCase();
        if (!MODES.contains(mode)) {
            throw new SimError(400, "{\"mode\": [\"'" + x.param("mode") + "' is not a valid mode.\"]}");
        }
        JsonObject subnet = x.param("subnet") == null ? null : site.subnet(Integer.parseInt(x.param("subnet")));
        // l.71-76: with a VLAN set, only that VLAN's subnets are valid choices
        JsonObject vlan = iface.getJsonObject("vlan");
        if (subnet != null && vlan != null && !SimInterfaces.sameVlan(vlan, subnet.getJsonObject("vlan"))) {
            throw new SimError(
                    400, "{\"subnet\": [\"Select a valid choice. That choice is not one of the available choices.\"]}");
        }
        JsonArray links = iface.getJsonArray("links");
        switch (mode) {
            case "static", "auto" -> staticChecks(mode, subnet, x, site);
            case "dhcp" -> {
                if (links.stream().anyMatch(l -> "dhcp".equals(((JsonObject) l).getString("mode")))) {
                    throw new SimError(400, "{\"mode\": [\"Interface is already set to DHCP.\"]}");
                }
            }
            default -> {
                // l.148-165: LINK_UP only when nothing else is configured
                if (!links.isEmpty()) {
                    throw new SimError(
                            400,
                            "{\"mode\": [\"Cannot configure interface to link up (with no IP address) while other "
                                    + "links are already configured. Specify force=True to override this behavior and delete all links.\"]}");
                }
            }
        }
        defaultGateway(mode, subnet, x);
    }

    /** l.126-146: a static address inside the subnet and outside its dynamic ranges. */
    private static void staticChecks(String mode, JsonObject subnet, Exchange x, SimSite site) {
        if (subnet == null) {
            throw new SimError(400, "{\"subnet\": [\"This field is required.\"]}");
        }
        String ip = x.param("ip_address");
        if (!mode.equals("static") || ip == null) {
            return;
        }
        if (!SimValues.contains(subnet.getString("cidr"), ip)) {
            throw new SimError(
                    400,
                    "{\"ip_address\": [\"IP address is not in the given subnet '" + subnet.getString("name")
                            + "'.\"]}");
        }
        for (JsonObject r : site.ipRanges) {
            if ("dynamic".equals(r.getString("type"))
                    && r.getJsonObject("subnet").getInteger("id").equals(subnet.getInteger("id"))
                    && SimValues.between(ip, r.getString("start_ip"), r.getString("end_ip"))) {
                throw new SimError(
                        400,
                        "{\"ip_address\": [\"IP address is inside a dynamic range " + r.getString("start_ip") + " to "
                                + r.getString("end_ip") + ".\"]}");
            }
        }
    }

    /** l.167-190. */
    private static void defaultGateway(String mode, JsonObject subnet, Exchange x) {
        if (!"true".equalsIgnoreCase(x.param("default_gateway"))) {
            return;
        }
        if (!mode.equals("static") && !mode.equals("auto")) {
            throw new SimError(400, "{\"default_gateway\": [\"Cannot use in mode '" + mode + "'.\"]}");
        }
        if (subnet.getString("gateway_ip") == null) {
            throw new SimError(
                    400,
                    "{\"default_gateway\": [\"Cannot set as default gateway because subnet " + subnet.getString("name")
                            + " doesn't provide a gateway IP address.\"]}");
        }
    }
}
