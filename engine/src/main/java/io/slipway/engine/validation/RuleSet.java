package io.slipway.engine.validation;

import java.nio.file.Path;
import java.util.List;
import org.kie.api.KieBase;

/**
 * One compiled directory of rule files. Immutable and safe to share between threads; sessions are
 * created per evaluation.
 *
 * @param origin where the files came from (a directory or the bundled default)
 * @param files the rule files, relative to {@code origin}
 */
public record RuleSet(String origin, List<Path> files, int ruleCount, KieBase kieBase) {}
