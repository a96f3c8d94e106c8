package io.slipway.engine.validation;

import io.slipway.engine.design.Finding;
import io.slipway.engine.effective.EffectiveDesign;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.validation.facts.InstalledDrivers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * Runs validation rules over an effective design. Each call uses a fresh session, disposed before
 * returning, so one {@link RuleSet} serves any number of threads. Blocking (CPU-bound): call from a
 * worker thread.
 */
public final class Validator {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::ruleId)
            .thenComparing(f -> f.source() == null ? "" : f.source())
            .thenComparing(Finding::message);

    private final RuleSet rules;

    public Validator(RuleSet rules) {
        this.rules = rules;
    }

    public RuleSet rules() {
        return rules;
    }

    /**
     * Returns design and rule findings together. When the design is blocked (documents dropped, nodes
     * that could not be compiled), rules are skipped and a note says so.
     *
     * @param catalog images → kernels the node driver offers, or null when there is no node driver
     */
    public List<Finding> validate(EffectiveDesign design, Map<String, Set<String>> catalog) {
        return validate(design, catalog, InstalledDrivers.fromClasspath());
    }

    /** As above, checking driver selections against {@code installed}. */
    public List<Finding> validate(
            EffectiveDesign design, Map<String, Set<String>> catalog, InstalledDrivers installed) {
        if (design.blocked()) {
            return withoutRules(design);
        }
        List<Finding> out = new ArrayList<>(design.findings());
        out.addAll(fire(design, catalog, installed));
        return out;
    }

    /** The findings of a design that cannot be evaluated, with a note that rules did not run. */
    public static List<Finding> withoutRules(EffectiveDesign design) {
        List<Finding> out = new ArrayList<>(design.findings());
        out.add(Finding.info(
                "SW0000",
                "ENGINE-001",
                "Validation",
                "rules were not run because the design has errors "
                        + "that stop it being compiled; fix them and validate again",
                ""));
        return out;
    }

    private List<Finding> fire(EffectiveDesign design, Map<String, Set<String>> catalog, InstalledDrivers installed) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            FactBuilder.facts(design, catalog, installed, session::insert);
            session.fireAllRules();
            List<Finding> found = new ArrayList<>();
            for (QueryResultsRow row : session.getQueryResults("findings")) {
                found.add((Finding) row.get("$finding"));
            }
            found.sort(ORDER);
            return ProfileFindings.collapse(found, design);
        } finally {
            session.dispose();
        }
    }
}
