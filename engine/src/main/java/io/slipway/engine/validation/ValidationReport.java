package io.slipway.engine.validation;

import io.slipway.engine.design.DocRef;
import io.slipway.engine.design.Finding;
import io.slipway.engine.design.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of validating a design, renderable as Drydock's {@code Status} document so tools that
 * read Drydock's output keep working.
 */
public record ValidationReport(List<Finding> findings, Instant at) {

    /**
     * Findings about the design as a whole first, then grouped by document in file and line order
     * (line 9 before line 10), then by rule id; ties keep the order they were found in.
     */
    private static final java.util.Comparator<Finding> BY_DOCUMENT = java.util.Comparator.comparing(
                    (Finding f) -> f.source() == null ? "" : file(f.source()))
            .thenComparingLong(f -> f.source() == null ? -1 : line(f.source()))
            .thenComparing(Finding::ruleId);

    public static ValidationReport of(List<Finding> findings) {
        return new ValidationReport(findings.stream().sorted(BY_DOCUMENT).toList(), Instant.now());
    }

    private static String file(String source) {
        int colon = source.lastIndexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }

    private static long line(String source) {
        int colon = source.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Long.parseLong(source.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public long errorCount() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long count(Level level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }

    public boolean passed() {
        return errorCount() == 0;
    }

    /** Drydock's {@code Status} JSON (as a map), with {@code ruleId} and {@code source} added per message. */
    public Map<String, Object> toStatus() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("kind", "Status");
        status.put("apiVersion", "v1.0");
        status.put("metadata", Map.of());
        status.put("message", passed() ? "Site design passed validation" : "Site design failed validation.");
        status.put("reason", passed() ? "Validation" : "See detail messages.");
        status.put("status", passed() ? "Success" : "Failure");
        List<Map<String, Object>> messages = new ArrayList<>();
        String ts = at.toString();
        for (Finding f : findings) {
            messages.add(message(f, ts));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("errorCount", errorCount());
        details.put("messageList", messages);
        status.put("details", details);
        status.put("code", passed() ? 200 : 400);
        return status;
    }

    private static Map<String, Object> message(Finding f, String ts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "ValidationMessage");
        m.put("name", f.code());
        m.put("message", f.message());
        m.put("error", f.isError());
        m.put("level", f.level().label());
        m.put("diagnostic", f.diagnostic());
        m.put("ts", ts);
        List<Map<String, String>> docs = new ArrayList<>();
        for (DocRef d : f.documents()) {
            docs.add(Map.of("schema", d.schema(), "name", d.name()));
        }
        m.put("documents", docs);
        m.put("ruleId", f.ruleId());
        if (f.source() != null) {
            m.put("source", f.source());
        }
        return m;
    }
}
