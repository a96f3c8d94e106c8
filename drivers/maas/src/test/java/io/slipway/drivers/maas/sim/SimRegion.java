package io.slipway.drivers.maas.sim;

import io.slipway.drivers.maas.sim.SimRouter.Exchange;
import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Region-wide objects: version, credentials check, boot resources, rack controllers (with their
 * {@code service_set}), SSH keys, domains, static routes and package repositories. Creating domains,
 * static routes and repositories is admin-only ({@code api/domains.py:55}, {@code api/staticroutes.py:47},
 * {@code api/packagerepositories.py:181}).
 */
final class SimRegion {
    final List<JsonObject> sshKeys = new ArrayList<>();
    final List<JsonObject> domains = new ArrayList<>();
    final List<JsonObject> staticRoutes = new ArrayList<>();
    final List<JsonObject> repositories = new ArrayList<>();
    final Map<String, String> rackServices = new LinkedHashMap<>();
    private final SimIds ids;
    private final SimSite site;
    volatile boolean importing;

    SimRegion(SimIds ids, SimSite site) {
        this.ids = ids;
        this.site = site;
        domains.add(new JsonObject()
                .put("id", 0)
                .put("name", "maas")
                .put("authoritative", true)
                .put("ttl", (Object) null));
        for (String s : List.of("rackd", "http", "tftp", "ntp_rack", "dns_rack", "proxy_rack", "syslog_rack")) {
            rackServices.put(s, "running");
        }
        rackServices.put("dhcpd", "off");
        rackServices.put("dhcpd6", "off");
        repositories.add(new JsonObject()
                .put("id", 1)
                .put("name", "main_archive")
                .put("url", "http://archive.ubuntu.com/ubuntu")
                .put("distributions", new JsonArray())
                .put("components", new JsonArray())
                .put("enabled", true)
                .put("key", ""));
    }

    void register(SimRouter r) {
        r.on(
                        "GET",
                        null,
                        "version_handler",
                        x -> new JsonObject()
                                .put("version", "3.5.3")
                                .put("subversion", "sim")
                                .put(
                                        "capabilities",
                                        new JsonArray()
                                                .add("networks-management")
                                                .add("static-ipaddresses")))
                .on(
                        "GET",
                        "list_authorisation_tokens",
                        "account_handler",
                        x -> new JsonArray().add(new JsonObject().put("name", "slipway")))
                .on("GET", "is_importing", "boot_resources_handler", x -> importing)
                .on("GET", null, "boot_resources_handler", x -> bootResources())
                .on("GET", null, "rackcontrollers_handler", x -> new JsonArray().add(rack()))
                .on("GET", null, "rackcontroller_handler", x -> rack())
                .on("GET", null, "sshkeys_handler", x -> new JsonArray(new ArrayList<>(sshKeys)))
                .on(
                        "POST",
                        null,
                        "sshkeys_handler",
                        x -> add(sshKeys, new JsonObject().put("id", ids.next()).put("key", x.required("key"))))
                .on("GET", null, "domains_handler", x -> new JsonArray(new ArrayList<>(domains)))
                .on("POST", null, "domains_handler", this::createDomain)
                .on("GET", null, "staticroutes_handler", x -> new JsonArray(new ArrayList<>(staticRoutes)))
                .on("POST", null, "staticroutes_handler", this::createRoute)
                .on("GET", null, "package_repositories_handler", x -> new JsonArray(new ArrayList<>(repositories)))
                .on("POST", null, "package_repositories_handler", this::createRepository)
                .on("PUT", null, "package_repository_handler", this::updateRepository);
    }

    private JsonObject rack() {
        JsonArray services = new JsonArray();
        rackServices.forEach((name, status) -> services.add(
                new JsonObject().put("name", name).put("status", status).put("status_info", "")));
        JsonObject nic = SimInterfaces.iface(9000, "eth0", "physical").put("vlan", site.defaultVlan());
        return new JsonObject()
                .put("system_id", "rack01")
                .put("hostname", "rack01")
                .put("node_type_name", "Rack controller")
                .put("service_set", services)
                .put("interface_set", new JsonArray().add(nic));
    }

    private static JsonArray bootResources() {
        JsonArray a = new JsonArray();
        for (String[] r : new String[][] {
            {"ubuntu/jammy", "amd64/ga-22.04"}, {"ubuntu/jammy", "amd64/hwe-22.04"}, {"ubuntu/noble", "amd64/ga-24.04"}
        }) {
            a.add(new JsonObject().put("type", "Synced").put("name", r[0]).put("architecture", r[1]));
        }
        return a;
    }

    private JsonObject createDomain(Exchange x) {
        String name = x.requireAdmin().required("name");
        if (SimValues.find(new JsonArray(domains), "name", name) != null) {
            throw new SimError(400, "{\"name\": [\"Domain with this Name already exists.\"]}");
        }
        return add(
                domains,
                new JsonObject()
                        .put("id", ids.next())
                        .put("name", name)
                        .put("authoritative", !"false".equalsIgnoreCase(x.param("authoritative")))
                        .put("ttl", (Object) null));
    }

    /** {@code StaticRouteForm}: source and destination are MAAS subnets, the gateway inside the source. */
    private JsonObject createRoute(Exchange x) {
        x.requireAdmin();
        JsonObject source = site.subnet(Integer.parseInt(x.required("source")));
        JsonObject destination = site.subnet(Integer.parseInt(x.required("destination")));
        String gateway = x.required("gateway_ip");
        if (!SimValues.contains(source.getString("cidr"), gateway)) {
            throw new SimError(400, "{\"gateway_ip\": [\"Enter an IP address in " + source.getString("cidr") + ".\"]}");
        }
        return add(
                staticRoutes,
                new JsonObject()
                        .put("id", ids.next())
                        .put("source", source.copy())
                        .put("destination", destination.copy())
                        .put("gateway_ip", gateway)
                        .put("metric", x.param("metric") == null ? 0 : Integer.parseInt(x.param("metric"))));
    }

    private JsonObject createRepository(Exchange x) {
        String name = x.requireAdmin().required("name");
        if (SimValues.find(new JsonArray(repositories), "name", name) != null) {
            throw new SimError(400, "{\"name\": [\"Package repository with this Name already exists.\"]}");
        }
        return add(
                repositories, repository(new JsonObject().put("id", ids.next()).put("name", name), x));
    }

    private JsonObject updateRepository(Exchange x) {
        x.requireAdmin();
        JsonObject repo = SimValues.find(new JsonArray(repositories), "id", x.group("id"));
        if (repo == null) {
            throw new SimError(404, "No PackageRepository matches the given query.");
        }
        return repository(repo, x);
    }

    private static JsonObject repository(JsonObject repo, Exchange x) {
        repo.put("url", x.required("url"))
                .put("enabled", !"false".equalsIgnoreCase(x.param("enabled")))
                .put("key", x.param("key") == null ? "" : x.param("key"))
                .put("distributions", list(x.param("distributions")))
                .put("components", list(x.param("components")));
        return repo;
    }

    private static JsonArray list(String comma) {
        JsonArray a = new JsonArray();
        if (comma != null) {
            for (String s : comma.split("[,\\s]+")) {
                if (!s.isBlank()) {
                    a.add(s);
                }
            }
        }
        return a;
    }

    private static JsonObject add(List<JsonObject> list, JsonObject o) {
        list.add(o);
        return o;
    }
}
