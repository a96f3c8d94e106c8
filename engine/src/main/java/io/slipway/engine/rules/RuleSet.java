package io.slipway.engine.rules;

import java.nio.file.Path;
import java.util.List;
import org.kie.api.KieBase;

/**
 * One compiled directory of rule files. Immutable and safe to share between threads; sessions are
 * created per evaluation.
 *
 * @param origin where the files came from (a directory or the bundled default)
 * @param files the rule files, relative to {@code origin}
 * @param loading how the rule base was obtained, and how long that took
 */
public record RuleSet(String origin, List<Path> files, int ruleCount, KieBase kieBase, Loading loading) {

    /** How a rule base came to be. */
    public enum Source {
        /** Built from executable-model classes generated when Slipway was built (bundled rules). */
        PRECOMPILED,
        /** Built from executable-model classes cached on disk by an earlier run. */
        CACHED,
        /** Compiled to the executable model now (and cached on disk when the cache is usable). */
        COMPILED,
        /** Compiled by the classic, interpreting compiler now (never cached). */
        INTERPRETED
    }

    /** @param nanos time from reading the files to a usable rule base */
    public record Loading(Source source, long nanos) {
        public String describe() {
            return source.name().toLowerCase(java.util.Locale.ROOT) + " in " + Math.round(nanos / 1e6) + " ms";
        }
    }
}
