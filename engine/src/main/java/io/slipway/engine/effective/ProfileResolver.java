package io.slipway.engine.effective;

import io.slipway.engine.design.DocRef;
import io.slipway.engine.design.Finding;
import io.slipway.engine.design.model.HostProfile;
import io.slipway.engine.design.model.HostSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Compiles host-profile chains once each (memoised, so a 50,000-node site compiles each profile a
 * single time) and reports missing parents and cycles by name.
 */
final class ProfileResolver {
    private final Map<String, HostProfile> profiles;
    private final Map<String, Compiled> compiled = new HashMap<>();

    /** An effective profile spec and its chain, nearest first; {@code spec} is null when broken. */
    record Compiled(HostSpec spec, List<String> chain, Finding error) {}

    ProfileResolver(Map<String, HostProfile> profiles) {
        this.profiles = profiles;
    }

    /** Compiles {@code spec} (of the document {@code ref}) on top of its parent chain. */
    Compiled apply(DocRef ref, HostSpec spec) {
        if (spec.parentProfile() == null) {
            return new Compiled(SpecMerger.merge(HostSpec.empty(), spec), List.of(), null);
        }
        Compiled parent = profile(spec.parentProfile(), ref, new LinkedHashSet<>());
        if (parent.error() != null) {
            return parent;
        }
        List<String> chain = new ArrayList<>();
        chain.add(spec.parentProfile());
        chain.addAll(parent.chain());
        return new Compiled(SpecMerger.merge(parent.spec(), spec), List.copyOf(chain), null);
    }

    private Compiled profile(String name, DocRef referrer, LinkedHashSet<String> visiting) {
        Compiled done = compiled.get(name);
        if (done != null) {
            return done;
        }
        HostProfile p = profiles.get(name);
        if (p == null) {
            return new Compiled(
                    null,
                    List.of(),
                    Finding.error(
                            "SW3002",
                            "PROFILE-002",
                            "Profile Inheritance",
                            "HostProfile " + name + " referenced by " + referrer.name() + " is not defined",
                            "Define the HostProfile or correct host_profile.",
                            referrer));
        }
        if (!visiting.add(name)) {
            List<String> cycle = new ArrayList<>(visiting);
            cycle = cycle.subList(cycle.indexOf(name), cycle.size());
            cycle.add(name);
            return new Compiled(
                    null,
                    List.of(),
                    Finding.error(
                            "SW3001",
                            "PROFILE-001",
                            "Profile Inheritance",
                            "host_profile chain has a cycle: " + String.join(" -> ", cycle),
                            "Break the cycle: a profile cannot inherit from itself.",
                            p.doc()));
        }
        Compiled result = p.spec().parentProfile() == null
                ? new Compiled(SpecMerger.merge(HostSpec.empty(), p.spec()), List.of(), null)
                : chainOnto(p, profile(p.spec().parentProfile(), p.doc(), visiting));
        compiled.put(name, result);
        return result;
    }

    private static Compiled chainOnto(HostProfile p, Compiled parent) {
        if (parent.error() != null) {
            return parent;
        }
        List<String> chain = new ArrayList<>();
        chain.add(p.spec().parentProfile());
        chain.addAll(parent.chain());
        return new Compiled(SpecMerger.merge(parent.spec(), p.spec()), List.copyOf(chain), null);
    }
}
