package io.slipway.drivers.maas.sim;

import io.slipway.drivers.maas.sim.SimRouter.Exchange;
import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The machine registry: listing and filters ({@code NodesHandler.read}), the admin-only power parameters
 * ({@code api/nodes.py:1205-1252}), creation, updates, tags and commissioning results filtered as
 * {@code filter_script_results} does ({@code api/scriptresults.py:39-72}: a filter is a script name, a tag
 * or an id).
 */
final class SimMachines {
    final List<SimMachine> machines = new ArrayList<>();
    final List<JsonObject> tags = new ArrayList<>();
    final SimIds ids;
    final SimRegion region;
    volatile Function<String, SimHardware> hardware =
            mac -> SimHardware.gen10(Integer.parseInt(mac.substring(mac.length() - 2), 16));

    SimMachines(SimIds ids, SimRegion region) {
        this.ids = ids;
        this.region = region;
    }

    void register(SimRouter r) {
        r.on("GET", null, "machines_handler", this::list)
                .on("GET", "power_parameters", "machines_handler", this::powerParameters)
                .on(
                        "GET",
                        null,
                        "machine_handler",
                        x -> machine(x.group("system_id")).json())
                .on("PUT", null, "machine_handler", this::update)
                .on("GET", null, "script_result_handler", this::results)
                .on("GET", null, "tags_handler", x -> new JsonArray(new ArrayList<>(tags)))
                .on("POST", null, "tags_handler", this::createTag)
                .on(
                        "DELETE",
                        null,
                        "tag_handler",
                        x -> deleteTag(x.requireAdmin().group("name")))
                .on("GET", null, "tag_handler", x -> tag(x.group("name")).copy())
                .on("POST", "update_nodes", "tag_handler", this::tagNodes);
    }

    SimMachine machine(String systemId) {
        return machines.stream()
                .filter(m -> m.systemId.equals(systemId))
                .findFirst()
                .orElseThrow(() -> new SimError(404, "No Machine matches the given query."));
    }

    SimMachine enlist(String mac, String hostname, String architecture) {
        SimMachine m = new SimMachine(ids.systemId(), mac, hostname, architecture, hardware.apply(mac.toLowerCase()));
        machines.add(m);
        return m;
    }

    private JsonArray list(Exchange x) {
        String mac = x.param("mac_address");
        String hostname = x.param("hostname");
        return new JsonArray(machines.stream()
                .filter(m -> mac == null
                        || m.bootMac.equalsIgnoreCase(mac)
                        || m.interfaces.stream().anyMatch(i -> mac.equalsIgnoreCase(i.getString("mac_address"))))
                .filter(m -> hostname == null || hostname.equals(m.hostname))
                .map(SimMachine::json)
                .toList());
    }

    private JsonObject powerParameters(Exchange x) {
        x.requireAdmin();
        JsonObject all = new JsonObject();
        machines.forEach(m -> all.put(m.systemId, new JsonObject(Map.copyOf(m.powerParameters))));
        return all;
    }

    /** {@code power_parameters_<name>} fields become the machine's power parameters. */
    static void powerParameters(SimMachine m, Exchange x) {
        for (String name : x.params().names()) {
            if (name.startsWith("power_parameters_")) {
                m.powerParameters.put(name.substring("power_parameters_".length()), x.param(name));
            }
        }
    }

    private JsonObject update(Exchange x) {
        SimMachine m = machine(x.group("system_id"));
        if (x.param("hostname") != null) {
            m.hostname = x.param("hostname");
        }
        if (x.param("domain") != null) {
            String d = x.param("domain");
            JsonObject domain = region.domains.stream()
                    .filter(o -> d.equals(o.getString("name")) || d.equals(String.valueOf(o.getValue("id"))))
                    .findFirst()
                    .orElseThrow(
                            () -> new SimError(
                                    400,
                                    "{\"domain\": [\"Select a valid choice. That choice is not one of the available choices.\"]}"));
            m.domain = domain.getString("name");
        }
        if (x.param("power_type") != null) {
            m.powerType = x.param("power_type");
        }
        powerParameters(m, x);
        return m.json();
    }

    /**
     * {@code nodes/<id>/results/current-commissioning/}: the commissioning script set. {@code maas-lshw}
     * ({@code node_info_scripts.py:30}) is a builtin script tagged {@code deploy-info}; the numbered
     * commissioning scripts have no script object, hence no tags.
     */
    private JsonObject results(Exchange x) {
        SimMachine m = machine(x.group("system_id"));
        if (!x.group("id").equals("current-commissioning") || !m.commissioned) {
            throw new SimError(404, "No ScriptSet matches the given query.");
        }
        List<String> filters =
                x.param("filters") == null ? null : List.of(x.param("filters").split(","));
        boolean output =
                x.param("include_output") != null && !x.param("include_output").equalsIgnoreCase("false");
        JsonArray results = new JsonArray();
        String lshw = SimLshw.of(m.hostname, "SIM-" + m.systemId, m.bootMac, m.hardware);
        addResult(results, filters, output, "maas-lshw", List.of("deploy-info"), lshw);
        addResult(results, filters, output, "50-maas-01-commissioning", List.of(), "{\"network\": {}}");
        addResult(results, filters, output, "20-maas-03-machine-resources", List.of(), "{\"resources\": {}}");
        return new JsonObject()
                .put("id", 1)
                .put("system_id", m.systemId)
                .put("type_name", "Commissioning")
                .put("status_name", "Passed")
                .put("results", results);
    }

    private void addResult(
            JsonArray results, List<String> filters, boolean output, String name, List<String> tags, String text) {
        int id = Math.abs(name.hashCode() % 10000);
        if (filters != null
                && filters.stream()
                        .noneMatch(f -> f.equals(name) || tags.contains(f) || f.equals(String.valueOf(id)))) {
            return;
        }
        JsonObject r = new JsonObject()
                .put("id", id)
                .put("name", name)
                .put("tags", String.join(",", tags))
                .put("status_name", "Passed")
                .put("exit_status", 0);
        if (output) {
            r.put("output", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        }
        results.add(r);
    }

    private JsonObject createTag(Exchange x) {
        String name = x.requireAdmin().required("name");
        if (SimValues.find(new JsonArray(tags), "name", name) != null) {
            throw new SimError(400, "{\"name\": [\"Tag with this Name already exists.\"]}");
        }
        JsonObject tag = new JsonObject()
                .put("name", name)
                .put("comment", x.param("comment"))
                .put("kernel_opts", x.param("kernel_opts"))
                .put("definition", "");
        tags.add(tag);
        return tag;
    }

    private Object deleteTag(String name) {
        if (!tags.removeIf(t -> t.getString("name").equals(name))) {
            throw new SimError(404, "No Tag matches the given query.");
        }
        machines.forEach(m -> m.tags.remove(name));
        return null;
    }

    /** {@code TagHandler.read} ({@code api/tags.py}): {@code get_object_or_404}. */
    private JsonObject tag(String name) {
        JsonObject tag = SimValues.find(new JsonArray(tags), "name", name);
        if (tag == null) {
            throw new SimError(404, "No Tag matches the given query.");
        }
        return tag;
    }

    private JsonObject tagNodes(Exchange x) {
        x.requireAdmin();
        String name = x.group("name");
        tag(name);
        List<String> add = x.params().getAll("add");
        add.forEach(id -> machine(id).tags.add(name));
        return new JsonObject().put("added", add.size()).put("removed", 0);
    }
}
