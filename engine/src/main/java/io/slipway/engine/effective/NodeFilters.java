package io.slipway.engine.effective;

import io.slipway.engine.design.model.NodeFilterSet;
import io.slipway.engine.design.model.NodeFilterSet.NodeFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates node filters. Semantics (documented in docs/rules.md):
 * <ul>
 *   <li>each criterion of a filter selects nodes: {@code node_names} by name, {@code node_tags} nodes
 *       with any listed tag, {@code node_labels} nodes whose owner_data has <em>every</em> listed
 *       key/value, {@code rack_names} by rack, {@code rack_labels} nodes in racks carrying every label;
 *   <li>{@code filter_type} combines a filter's criteria by union or intersection; a filter with no
 *       criteria selects every node;
 *   <li>{@code filter_set_type} combines the filters; an absent or empty set selects every node.
 * </ul>
 * Results keep design order and never contain duplicates.
 */
public final class NodeFilters {
    private NodeFilters() {}

    public static List<EffectiveNode> select(
            NodeFilterSet set, List<EffectiveNode> nodes, Map<String, Map<String, String>> rackLabels) {
        if (set == null || set.filters().isEmpty()) {
            return nodes;
        }
        Set<EffectiveNode> result = null;
        for (NodeFilter f : set.filters()) {
            Set<EffectiveNode> one = apply(f, nodes, rackLabels);
            result = result == null ? one : combine(result, one, "intersection".equals(set.setType()));
        }
        List<EffectiveNode> ordered = new ArrayList<>();
        for (EffectiveNode n : nodes) {
            if (result.contains(n)) {
                ordered.add(n);
            }
        }
        return ordered;
    }

    /**
     * What a filter names that the design does not have: node names, tags and racks no node of
     * {@code nodes} carries, each as a sentence naming it ({@code "unknown node nosuch"}). Empty when
     * every name is known. A selection naming something that does not exist is a mistake, never an
     * empty success.
     */
    public static List<String> unknownNames(NodeFilterSet set, List<EffectiveNode> nodes) {
        if (set == null) {
            return List.of();
        }
        Set<String> names = new java.util.HashSet<>();
        Set<String> tags = new java.util.HashSet<>();
        Set<String> racks = new java.util.HashSet<>();
        for (EffectiveNode n : nodes) {
            names.add(n.name());
            tags.addAll(n.tags());
            racks.add(n.rack());
        }
        Set<String> out = new java.util.LinkedHashSet<>();
        for (NodeFilter f : set.filters()) {
            f.nodeNames().stream().filter(x -> !names.contains(x)).forEach(x -> out.add("unknown node " + x));
            f.nodeTags().stream().filter(x -> !tags.contains(x)).forEach(x -> out.add("unknown node tag " + x));
            f.rackNames().stream().filter(x -> !racks.contains(x)).forEach(x -> out.add("unknown rack " + x));
        }
        return List.copyOf(out);
    }

    private static Set<EffectiveNode> apply(
            NodeFilter f, List<EffectiveNode> nodes, Map<String, Map<String, String>> rackLabels) {
        List<Set<EffectiveNode>> criteria = new ArrayList<>();
        if (!f.nodeNames().isEmpty()) {
            criteria.add(matching(nodes, n -> f.nodeNames().contains(n.name())));
        }
        if (!f.nodeTags().isEmpty()) {
            criteria.add(matching(
                    nodes,
                    n -> n.tags().stream()
                            .anyMatch(t -> t != null && f.nodeTags().contains(t))));
        }
        if (!f.nodeLabels().isEmpty()) {
            criteria.add(matching(
                    nodes,
                    n -> n.ownerData().entrySet().containsAll(f.nodeLabels().entrySet())));
        }
        if (!f.rackNames().isEmpty()) {
            // A node may have no rack (null); immutable lists and maps refuse null lookups.
            criteria.add(matching(nodes, n -> n.rack() != null && f.rackNames().contains(n.rack())));
        }
        if (!f.rackLabels().isEmpty()) {
            criteria.add(matching(
                    nodes,
                    n -> n.rack() != null
                            && rackLabels
                                    .getOrDefault(n.rack(), Map.of())
                                    .entrySet()
                                    .containsAll(f.rackLabels().entrySet())));
        }
        if (criteria.isEmpty()) {
            return identity(nodes);
        }
        boolean intersect = !"union".equals(f.filterType());
        Set<EffectiveNode> out = criteria.get(0);
        for (int i = 1; i < criteria.size(); i++) {
            out = combine(out, criteria.get(i), intersect);
        }
        return out;
    }

    private static Set<EffectiveNode> matching(
            List<EffectiveNode> nodes, java.util.function.Predicate<EffectiveNode> p) {
        Set<EffectiveNode> out = identity(List.of());
        for (EffectiveNode n : nodes) {
            if (p.test(n)) {
                out.add(n);
            }
        }
        return out;
    }

    // Identity sets: record equality would hash every field of every node.
    private static Set<EffectiveNode> identity(java.util.Collection<EffectiveNode> initial) {
        Set<EffectiveNode> s = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        s.addAll(initial);
        return s;
    }

    private static Set<EffectiveNode> combine(Set<EffectiveNode> a, Set<EffectiveNode> b, boolean intersect) {
        Set<EffectiveNode> out = identity(a);
        if (intersect) {
            out.retainAll(b);
        } else {
            out.addAll(b);
        }
        return out;
    }
}
