package io.slipway.api.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.slipway.engine.design.Finding;
import io.slipway.engine.design.Level;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.validation.DesignValidation;
import io.slipway.engine.validation.ValidationReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Renders validation reports for the terminal or as Drydock-compatible JSON. */
final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {}

    /** {@code rules} is null when the design did not get as far as rule evaluation. */
    static void print(PrintWriter out, String format, ValidationReport report, RuleSet rules) {
        if (format.equals("json")) {
            try {
                out.println(JSON.writeValueAsString(report.toStatus()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        for (Finding f : report.findings()) {
            out.printf(
                    "%-7s %-6s %-9s %s%n",
                    f.level().label().toUpperCase(),
                    f.code(),
                    f.ruleId(),
                    (f.source() == null ? "" : f.source() + ": ") + f.message());
            if (!f.diagnostic().isBlank() && f.level() != Level.INFO) {
                out.printf("%25s%s%n", "", f.diagnostic());
            }
        }
        out.printf(
                "%s: %d error(s), %d warning(s)%s%n",
                report.passed() ? "Success" : "Failure",
                report.errorCount(),
                report.count(Level.WARNING),
                rules == null ? "" : " — " + rules.ruleCount() + " rules from " + rules.origin());
    }

    /** One line of stage times: parse, compile, rule loading (and how), rule evaluation. */
    static void timings(PrintWriter err, DesignValidation.Timings t, RuleSet rules) {
        long load = rules == null ? 0 : rules.loading().nanos();
        err.printf(
                "timings: parse %.1f ms, compile %.1f ms, rules %s, first fire %.1f ms%n",
                t.parseNanos() / 1e6,
                t.compileNanos() / 1e6,
                rules == null ? "not run" : rules.loading().describe(),
                (t.rulesNanos() - load) / 1e6);
        err.flush();
    }
}
