package io.slipway.api.cli;

/** Process exit codes shared by all commands. */
final class ExitCodes {
    static final int OK = 0;
    /** The design (or request) was read and has errors. */
    static final int INVALID = 1;
    /** The input could not be used at all: unreadable, not YAML, over a limit, or rules that do not compile. */
    static final int UNUSABLE_INPUT = 2;

    private ExitCodes() {}
}
