package io.slipway.drivers.spi;

import java.util.List;
import java.util.Map;

/**
 * Checks the design parameters of one node for a driver type ({@code oob.*}). Pure: no I/O, no
 * state; called from rule evaluation on any thread, so implementations must be thread-safe and
 * must not throw for any input (a problem is returned instead).
 */
@FunctionalInterface
public interface ParameterCheck {
    /** A check that finds nothing. */
    ParameterCheck NONE = (node, parameters) -> List.of();

    /**
     * @param node the node's name, for messages
     * @param parameters the node's parameters after profile merging (never null; values may be null)
     * @return the problems, empty when the parameters are usable
     */
    List<ParameterProblem> check(String node, Map<String, String> parameters);
}
