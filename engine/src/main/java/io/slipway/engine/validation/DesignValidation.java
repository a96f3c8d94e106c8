package io.slipway.engine.validation;

import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.design.SiteDesign;
import io.slipway.engine.design.SourceText;
import io.slipway.engine.effective.EffectiveCompiler;
import io.slipway.engine.effective.EffectiveDesign;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.validation.facts.InstalledDrivers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The whole validation pipeline: read → compile the effective design → run rules. Records how long
 * each stage took. Blocking; thread-safe.
 */
public final class DesignValidation {
    private final DesignLoader loader;
    private final EffectiveCompiler compiler = new EffectiveCompiler();
    private final Function<EffectiveDesign, RuleSet> rules;
    private final InstalledDrivers drivers;

    /** Stage timings in nanoseconds. */
    public record Timings(long parseNanos, long compileNanos, long rulesNanos) {}

    public record Result(EffectiveDesign design, ValidationReport report, Timings timings) {}

    public DesignValidation(DesignLoader loader, RuleSet rules) {
        this(loader, design -> rules);
    }

    /** Checks driver selections against {@code drivers} instead of the class path's. */
    public DesignValidation(DesignLoader loader, RuleSet rules, InstalledDrivers drivers) {
        this(loader, design -> rules, drivers);
    }

    /**
     * Rules are asked for only when a design gets as far as rule evaluation (so unusable or broken
     * input is reported without paying for a rule compile), and may be chosen by the design's size.
     */
    public DesignValidation(DesignLoader loader, Function<EffectiveDesign, RuleSet> rules) {
        this(loader, rules, InstalledDrivers.fromClasspath());
    }

    private DesignValidation(DesignLoader loader, Function<EffectiveDesign, RuleSet> rules, InstalledDrivers drivers) {
        this.loader = loader;
        this.rules = rules;
        this.drivers = drivers;
    }

    public Result validateReferences(List<String> references) {
        return validate(references.stream().map(loader::fetch).toList());
    }

    public Result validate(List<SourceText> texts) {
        long t0 = System.nanoTime();
        SiteDesign design = loader.parse(texts);
        long t1 = System.nanoTime();
        EffectiveDesign effective = compiler.compile(design);
        long t2 = System.nanoTime();
        ValidationReport report = ValidationReport.of(
                effective.blocked()
                        ? Validator.withoutRules(effective)
                        : new Validator(rules.apply(effective)).validate(effective, catalog(), drivers));
        long t3 = System.nanoTime();
        return new Result(effective, report, new Timings(t1 - t0, t2 - t1, t3 - t2));
    }

    /** No node driver is wired into stand-alone validation, so platform selection is not checked. */
    private static Map<String, Set<String>> catalog() {
        return null;
    }
}
