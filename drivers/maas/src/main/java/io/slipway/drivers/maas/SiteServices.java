package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Forms;
import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.SiteSpec;
import io.slipway.drivers.spi.node.SiteSpec.NetworkSpec;
import io.slipway.drivers.spi.node.SiteSpec.RepoSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The site's DNS domains ({@code POST domains/}), static routes between MAAS subnets ({@code POST
 * static-routes/ source, destination, gateway_ip, metric}) and package repositories ({@code POST/PUT
 * package-repositories/}), as Drydock's driver created them. All three are admin-only in MAAS. Reads before
 * writing; runs after the networks, since routes name subnets.
 */
final class SiteServices {
    private final MaasClient client;

    SiteServices(MaasClient client) {
        this.client = client;
    }

    Future<Void> apply(SiteSpec site) {
        return domains(site).compose(x -> routes(site)).compose(x -> repositories(site));
    }

    /** Creates the DNS domain {@code name} when MAAS does not have it (a machine can only be put in a known domain). */
    Future<Void> ensureDomain(String name) {
        if (name == null || name.isBlank()) {
            return Future.succeededFuture();
        }
        return client.getArray("domains/")
                .compose(known -> JsonLists.find(known, "name", name) != null
                        ? Future.succeededFuture()
                        : client.post("domains/", null, Forms.of("name", name, "authoritative", "true"))
                                .mapEmpty());
    }

    private Future<Void> domains(SiteSpec site) {
        Set<String> wanted = new LinkedHashSet<>();
        Nulls.list(site.networks()).stream()
                .map(NetworkSpec::dnsDomain)
                .filter(d -> d != null && !d.isBlank())
                .forEach(wanted::add);
        if (wanted.isEmpty()) {
            return Future.succeededFuture();
        }
        return client.getArray("domains/").compose(known -> {
            Future<Void> chain = Future.succeededFuture();
            for (String d : wanted) {
                if (JsonLists.find(known, "name", d) == null) {
                    chain = chain.compose(
                            x -> client.post("domains/", null, Forms.of("name", d, "authoritative", "true"))
                                    .mapEmpty());
                }
            }
            return chain;
        });
    }

    /** Routes other than the default route (which is the subnet's gateway); the destination must be a subnet MAAS knows. */
    private Future<Void> routes(SiteSpec site) {
        boolean any = Nulls.list(site.networks()).stream()
                .flatMap(n -> Nulls.list(n.routes()).stream())
                .anyMatch(r -> !"0.0.0.0/0".equals(r.subnet()));
        if (!any) {
            return Future.succeededFuture();
        }
        return client.getArray("subnets/")
                .compose(subnets -> client.getArray("static-routes/").compose(existing -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (NetworkSpec net : Nulls.list(site.networks())) {
                        for (SiteSpec.Route r : Nulls.list(net.routes())) {
                            if (!"0.0.0.0/0".equals(r.subnet())) {
                                chain = chain.compose(x -> route(net, r, subnets, existing));
                            }
                        }
                    }
                    return chain;
                }));
    }

    private Future<Void> route(NetworkSpec net, SiteSpec.Route r, JsonArray subnets, JsonArray existing) {
        JsonObject source = JsonLists.find(subnets, "cidr", net.cidr());
        JsonObject destination = JsonLists.find(subnets, "cidr", r.subnet());
        if (source == null || destination == null) {
            return Future.failedFuture(new DriverException(
                    Kind.REFUSED,
                    false,
                    "network " + net.name() + ": route to "
                            + r.subnet() + " via " + r.gateway() + ": MAAS routes only between subnets it knows, and "
                            + (source == null ? net.cidr() : r.subnet()) + " is not one"));
        }
        boolean present = existing.stream()
                .map(JsonObject.class::cast)
                .anyMatch(e -> e.getJsonObject("source") != null
                        && source.getInteger("id")
                                .equals(e.getJsonObject("source").getInteger("id"))
                        && destination
                                .getInteger("id")
                                .equals(e.getJsonObject("destination").getInteger("id"))
                        && Objects.equals(r.gateway(), e.getString("gateway_ip")));
        return present
                ? Future.succeededFuture()
                : client.post(
                                "static-routes/",
                                null,
                                Forms.of(
                                        "source",
                                        String.valueOf(source.getInteger("id")),
                                        "destination",
                                        String.valueOf(destination.getInteger("id")),
                                        "gateway_ip",
                                        r.gateway(),
                                        "metric",
                                        String.valueOf(r.metric())))
                        .mapEmpty();
    }

    private Future<Void> repositories(SiteSpec site) {
        List<RepoSpec> repos = Nulls.list(site.repositories());
        if (repos.isEmpty()) {
            return Future.succeededFuture();
        }
        return client.getArray("package-repositories/").compose(existing -> {
            Future<Void> chain = Future.succeededFuture();
            for (RepoSpec r : repos) {
                if (r.type() != null && !r.type().equalsIgnoreCase("apt")) {
                    return Future.failedFuture(new DriverException(
                            Kind.REFUSED,
                            false,
                            "repository " + r.name() + ": MAAS serves apt repositories only, not " + r.type()));
                }
                JsonObject current = JsonLists.find(existing, "name", r.name());
                if (current == null) {
                    chain = chain.compose(x ->
                            client.post("package-repositories/", null, form(r)).mapEmpty());
                } else if (!same(current, r)) {
                    chain = chain.compose(
                            x -> client.put("package-repositories/" + current.getValue("id") + "/", form(r))
                                    .mapEmpty());
                }
            }
            return chain;
        });
    }

    private static io.vertx.core.MultiMap form(RepoSpec r) {
        return Forms.of(
                "name",
                r.name(),
                "url",
                r.url(),
                "distributions",
                String.join(",", Nulls.list(r.distributions())),
                "components",
                String.join(",", Nulls.list(r.components())),
                "key",
                r.gpgKey(),
                "enabled",
                "true");
    }

    private static boolean same(JsonObject current, RepoSpec r) {
        return Objects.equals(current.getString("url"), r.url())
                && current.getJsonArray("distributions", new JsonArray())
                        .getList()
                        .equals(Nulls.list(r.distributions()))
                && current.getJsonArray("components", new JsonArray()).getList().equals(Nulls.list(r.components()))
                && Objects.equals(
                        Objects.requireNonNullElse(current.getString("key"), ""),
                        Objects.requireNonNullElse(r.gpgKey(), ""));
    }
}
