package io.slipway.api.auth;

/**
 * A policy file that cannot be used: bad YAML, an unknown permission, a malformed role. The
 * message starts with {@code file:line:} so an operator can jump straight to the problem.
 */
public final class PolicyException extends RuntimeException {
    private final String origin;
    private final int line;

    PolicyException(String origin, int line, String problem) {
        super(origin + ":" + line + ": " + problem);
        this.origin = origin;
        this.line = line;
    }

    /** The file (or classpath resource) the policy came from. */
    public String origin() {
        return origin;
    }

    /** The 1-based line of the problem, or 0 when the file could not be read at all. */
    public int line() {
        return line;
    }
}
