package io.slipway.engine.rules;

import java.util.List;

/** The rule files do not compile; {@link #errors()} holds one {@code file:line:col: text} per problem. */
public class RuleCompilationException extends RuntimeException {
    private final List<String> errors;

    public RuleCompilationException(String summary, List<String> errors) {
        super(summary + (errors.isEmpty() ? "" : ":\n  " + String.join("\n  ", errors)));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
