package io.slipway.engine.validation;

import io.slipway.engine.design.DocRef;
import io.slipway.engine.design.Finding;
import io.slipway.engine.design.model.HostProfile;
import io.slipway.engine.effective.EffectiveDesign;
import io.slipway.engine.effective.EffectiveNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reports a problem a host profile causes once, at the profile, instead of once per node. When a
 * rule reports the same finding (the same level, code, rule, advice and text, but for the node's
 * name) about exactly the nodes that inherit one profile, and about no other node, the profile is
 * where it is fixed: the copies become one finding at the profile's {@code file:line} that lists the
 * nodes. Findings about one node, or about a set of nodes no profile describes, are left as they are.
 */
final class ProfileFindings {
    private static final String HOLE = "\u0000";

    private ProfileFindings() {}

    static List<Finding> collapse(List<Finding> found, EffectiveDesign design) {
        Map<String, EffectiveNode> nodes = new HashMap<>();
        design.nodes().forEach(n -> nodes.put(n.name(), n));
        Map<Set<String>, DocRef> profiles = profilesByMembers(design);
        Map<List<Object>, List<Finding>> groups = new LinkedHashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : found) {
            String node =
                    f.documents().size() == 1 && f.documents().get(0).schema().endsWith("/BaremetalNode/v1")
                            ? f.documents().get(0).name()
                            : null;
            if (node == null || !nodes.containsKey(node) || profiles.isEmpty()) {
                out.add(f);
                continue;
            }
            String template = word(node).matcher(f.message()).replaceAll(HOLE);
            groups.computeIfAbsent(
                            List.of(f.level(), f.code(), f.ruleId(), f.diagnostic(), template), k -> new ArrayList<>())
                    .add(f);
        }
        for (Map.Entry<List<Object>, List<Finding>> g : groups.entrySet()) {
            List<Finding> same = g.getValue();
            Set<String> names = new TreeSet<>();
            same.forEach(f -> names.add(f.documents().get(0).name()));
            DocRef profile = same.size() > 1 ? profiles.get(names) : null;
            if (profile == null) {
                out.addAll(same);
                continue;
            }
            Finding first = same.get(0);
            List<DocRef> docs = new ArrayList<>();
            docs.add(profile);
            same.forEach(f -> docs.add(f.documents().get(0)));
            String message = ((String) g.getKey().get(4)).replace(HOLE, String.join(", ", names))
                    + " (set in HostProfile " + profile.name() + ", inherited by these " + names.size() + " nodes)";
            out.add(new Finding(
                    first.level(), first.code(), first.ruleId(), message, first.diagnostic(), docs, profile.source()));
        }
        return out;
    }

    /**
     * Each profile's set of inheriting nodes (directly or through other profiles). When two profiles
     * have the same nodes (a parent used only through one child), the one nearer the nodes wins.
     */
    private static Map<Set<String>, DocRef> profilesByMembers(EffectiveDesign design) {
        Map<String, DocRef> docs = new HashMap<>();
        for (HostProfile p : design.design().hostProfiles()) {
            docs.putIfAbsent(p.name(), p.doc());
        }
        Map<String, Set<String>> members = new HashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        for (EffectiveNode n : design.nodes()) {
            List<String> chain = n.profileChain() == null ? List.of() : n.profileChain();
            for (int i = 0; i < chain.size(); i++) {
                members.computeIfAbsent(chain.get(i), k -> new TreeSet<>()).add(n.name());
                depth.merge(chain.get(i), i, Math::min);
            }
        }
        Map<Set<String>, DocRef> byMembers = new HashMap<>();
        Map<Set<String>, Integer> bestDepth = new HashMap<>();
        members.forEach((profile, names) -> {
            DocRef doc = docs.get(profile);
            int d = depth.get(profile);
            if (doc != null && names.size() > 1 && d < bestDepth.getOrDefault(names, Integer.MAX_VALUE)) {
                byMembers.put(names, doc);
                bestDepth.put(names, d);
            }
        });
        return byMembers;
    }

    private static Pattern word(String name) {
        return Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w-])");
    }
}
