package io.slipway.api.cli;

import io.slipway.engine.design.DesignInputException;
import io.slipway.engine.design.DesignLimits;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.rules.RuleCompilationException;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.validation.DesignValidation;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slipway validate}: exit 0 when the design passes, 1 when it has errors, 2 on unusable input. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate a site design (files or URLs are read together as one design).",
            "Exit codes: 0 passed, 1 design has errors, 2 input or rules unusable."
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules = new RulesOption();

    @Option(
            names = {"-o", "--output"},
            defaultValue = "text",
            description = "text or json (Drydock Status format)")
    String output;

    @Option(
            names = "--max-bytes",
            description = "Largest accepted input in bytes (default: ${DEFAULT-VALUE}; env SLIPWAY_DESIGN_MAX_BYTES).",
            defaultValue = "${env:SLIPWAY_DESIGN_MAX_BYTES:-33554432}")
    long maxBytes;

    @Option(
            names = "--timings",
            description = "Print the time of each stage on stderr (rule loading apart from rule evaluation).")
    boolean timings;

    @Parameters(
            arity = "1..*",
            paramLabel = "DESIGN",
            description = "Design file path, file://, http(s):// or deckhand+http(s):// reference")
    List<String> references;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!output.equals("text") && !output.equals("json")) {
            err.println("slipway: --output must be text or json");
            return ExitCodes.UNUSABLE_INPUT;
        }
        try {
            DesignLoader loader = new DesignLoader(
                    DesignLimits.defaults().withMaxInputBytes(maxBytes),
                    io.slipway.engine.fetch.FetchPolicy.commandLine());
            List<io.slipway.engine.design.SourceText> texts =
                    references.stream().map(loader::fetch).toList();
            RuleSet[] used = new RuleSet[1];
            DesignValidation.Result result =
                    new DesignValidation(loader, design -> used[0] = rules.validationRules()).validate(texts);
            Reports.print(out, output, result.report(), used[0]);
            out.flush();
            if (timings) {
                Reports.timings(err, result.timings(), used[0]);
            }
            return result.report().passed() ? ExitCodes.OK : ExitCodes.INVALID;
        } catch (DesignInputException e) {
            err.println("slipway: " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        } catch (RuleCompilationException e) {
            err.println("slipway: " + e.getMessage());
            err.println("slipway: validation not run; fix the rule files above (the design was not judged)");
            return ExitCodes.UNUSABLE_INPUT;
        }
    }
}
