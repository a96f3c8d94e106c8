package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.spi.node.SiteReport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What MAAS can deploy, from its synced boot resources: each resource {@code ubuntu/jammy} with
 * architecture {@code amd64/hwe-22.04} offers series {@code jammy} with kernel {@code hwe-22.04}.
 * Read-only.
 */
final class Catalog {
    private final MaasClient client;

    Catalog(MaasClient client) {
        this.client = client;
    }

    /**
     * Version, a credential check ({@code account/?op=list_authorisation_tokens}), import state, rack controller
     * health ({@link RackHealth}) and the catalog.
     */
    Future<SiteReport> report() {
        return client.getObject("version/")
                .compose(version -> client.get("account/", "op", "list_authorisation_tokens")
                        .compose(x -> new RackHealth(client).check())
                        .compose(racks -> client.get("boot-resources/", "op", "is_importing")
                                .compose(importing -> images().map(catalog -> new SiteReport(
                                        catalog,
                                        "MAAS " + version.getString("version", "?") + "; " + racks
                                                + (Boolean.TRUE.equals(importing)
                                                        ? "; boot resources are still importing"
                                                        : ""))))));
    }

    /** Series → kernels offered for it. */
    Future<Map<String, Set<String>>> images() {
        return client.getArray("boot-resources/").map(Catalog::catalog);
    }

    private static Map<String, Set<String>> catalog(JsonArray resources) {
        Map<String, Set<String>> catalog = new TreeMap<>();
        for (int i = 0; i < resources.size(); i++) {
            JsonObject r = resources.getJsonObject(i);
            String name = r.getString("name", "");
            String arch = r.getString("architecture", "");
            if (name.isEmpty()) {
                continue;
            }
            Set<String> kernels = catalog.computeIfAbsent(afterSlash(name), k -> new TreeSet<>());
            if (arch.contains("/")) {
                kernels.add(afterSlash(arch));
            }
        }
        return catalog;
    }

    private static String afterSlash(String s) {
        return s.substring(s.indexOf('/') + 1);
    }
}
