package io.slipway.drivers.spi;

import java.util.Objects;

/**
 * One problem a {@link ParameterCheck} found: what is wrong, and what the operator should do.
 *
 * @param message the problem, naming the node and the parameter
 * @param hint how to correct it
 */
public record ParameterProblem(String message, String hint) {
    public ParameterProblem {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    public static ParameterProblem of(String message, String hint) {
        return new ParameterProblem(message, hint);
    }
}
