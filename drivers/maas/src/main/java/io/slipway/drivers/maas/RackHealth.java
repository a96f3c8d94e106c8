package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rack controller health as Drydock's {@code validate_node_services} judged it: {@code GET rackcontrollers/},
 * then each controller's {@code service_set}; a controller is healthy when {@code http}, {@code dhcpd},
 * {@code rackd} and {@code tftp} are each {@code running} or {@code off}. Fails {@code REFUSED} when MAAS has
 * no rack controller or none is healthy, naming each controller's failing services.
 */
final class RackHealth {
    static final List<String> REQUIRED = List.of("http", "dhcpd", "rackd", "tftp");
    private static final Set<String> GOOD = Set.of("running", "off");
    private final MaasClient client;

    RackHealth(MaasClient client) {
        this.client = client;
    }

    /** A one-line summary ({@code 1 of 1 rack controllers healthy}) when at least one is healthy. */
    Future<String> check() {
        return client.getArray("rackcontrollers/").compose(racks -> {
            if (racks.isEmpty()) {
                return Future.failedFuture(
                        refused("MAAS has no rack controller: nothing can PXE-boot or commission machines"));
            }
            Future<List<String>> problems = Future.succeededFuture(new ArrayList<>());
            for (int i = 0; i < racks.size(); i++) {
                String id = racks.getJsonObject(i).getString("system_id");
                problems = problems.compose(list -> client.getObject("rackcontrollers/" + id + "/")
                        .map(rack -> {
                            String p = problem(rack);
                            if (p != null) {
                                list.add(p);
                            }
                            return list;
                        }));
            }
            return problems.compose(list -> list.size() == racks.size()
                    ? Future.failedFuture(refused("no healthy rack controller: " + String.join("; ", list)))
                    : Future.succeededFuture(
                            (racks.size() - list.size()) + " of " + racks.size() + " rack controllers healthy"
                                    + (list.isEmpty() ? "" : " (" + String.join("; ", list) + ")")));
        });
    }

    private static String problem(JsonObject rack) {
        JsonArray services = rack.getJsonArray("service_set", new JsonArray());
        List<String> bad = new ArrayList<>();
        for (String name : REQUIRED) {
            JsonObject s = JsonLists.find(services, "name", name);
            String status = s == null ? "absent" : s.getString("status", "unknown");
            if (!GOOD.contains(status)) {
                bad.add(name + " " + status);
            }
        }
        return bad.isEmpty()
                ? null
                : "rack " + rack.getString("hostname", rack.getString("system_id")) + ": " + String.join(", ", bad);
    }

    private static DriverException refused(String message) {
        return new DriverException(Kind.REFUSED, false, message);
    }
}
