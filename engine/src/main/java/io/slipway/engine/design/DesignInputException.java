package io.slipway.engine.design;

/**
 * The input cannot be read as a design at all: unreadable reference, not YAML, over a size or
 * alias-expansion limit. The message names the source and, where known, the line.
 */
public class DesignInputException extends RuntimeException {
    public DesignInputException(String message) {
        super(message);
    }

    public DesignInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
