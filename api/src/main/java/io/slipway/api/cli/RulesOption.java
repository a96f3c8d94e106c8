package io.slipway.api.cli;

import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where validation rules come from, in order: {@code --rules}, {@code SLIPWAY_RULES_DIR},
 * {@code -Dslipway.rules.dir}, {@code ./rules} when it holds a {@code validation/} folder, else the
 * copy bundled in the jar.
 */
final class RulesOption {
    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description =
                    "Rules directory (containing validation/*.drl). Default: $SLIPWAY_RULES_DIR, ./rules, or the bundled rules.")
    Path dir;

    Path resolveDir() {
        if (dir != null) {
            return dir;
        }
        String env = System.getenv("SLIPWAY_RULES_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String prop = System.getProperty("slipway.rules.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        Path local = Path.of("rules");
        return Files.isDirectory(local.resolve("validation")) ? local : null;
    }

    /** The validation rules, precompiled or cached when unchanged; throws {@code RuleCompilationException} listing file:line:col. */
    RuleSet validationRules() {
        return validationRules(RuleBook.Mode.EXECUTABLE);
    }

    /** The validation rules in the given mode. */
    RuleSet validationRules(RuleBook.Mode mode) {
        Path root = resolveDir();
        return root == null ? RuleBook.bundled("validation", mode) : RuleBook.compile(root.resolve("validation"), mode);
    }

    /** The lifecycle rules (always the executable model: they run for the life of the process). */
    RuleSet lifecycleRules() {
        Path root = resolveDir();
        return root == null
                ? RuleBook.bundled("lifecycle", RuleBook.Mode.EXECUTABLE)
                : RuleBook.compile(root.resolve("lifecycle"), RuleBook.Mode.EXECUTABLE);
    }
}
