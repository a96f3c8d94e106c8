package io.slipway.engine.effective;

import io.slipway.engine.design.model.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands {@code routedomain} routes: a network with a route {@code {routedomain: R, gateway, metric}}
 * gets a route to every other network in R. Works on fresh copies, so compiling the same design
 * twice yields the same routes (Drydock appends them again on every call).
 */
final class RouteDomains {
    private RouteDomains() {}

    static List<Network> render(List<Network> networks) {
        Map<String, List<Network>> domains = new LinkedHashMap<>();
        for (Network n : networks) {
            if (n.routedomain() != null) {
                domains.computeIfAbsent(n.routedomain(), k -> new ArrayList<>()).add(n);
            }
        }
        if (domains.isEmpty()) {
            return networks;
        }
        List<Network> out = new ArrayList<>(networks.size());
        for (Network n : networks) {
            out.add(expand(n, domains));
        }
        return out;
    }

    private static Network expand(Network n, Map<String, List<Network>> domains) {
        List<Network.Route> routes = new ArrayList<>(n.routes());
        boolean changed = false;
        for (Network.Route r : n.routes()) {
            if (r.routedomain() == null || r.subnet() != null) {
                continue;
            }
            for (Network member : domains.getOrDefault(r.routedomain(), List.of())) {
                if (!member.name().equals(n.name()) && member.cidr() != null) {
                    routes.add(new Network.Route(member.cidr(), r.gateway(), r.metric(), null));
                    changed = true;
                }
            }
        }
        return changed ? n.withRoutes(routes) : n;
    }
}
