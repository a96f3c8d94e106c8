package io.slipway.engine.design;

/**
 * Refuses, in one linear pass before parsing, a run of more than {@link #MAX_TOKEN_BYTES} bytes with no
 * whitespace, quote or backslash in it. The YAML scanner's cost grows with the square of such a run
 * (a 3.9 MB one-line scalar took over 10 s); every legitimate value can be wrapped in a block scalar.
 * Pure; thread-safe.
 */
final class LongTokens {
    static final int MAX_TOKEN_BYTES = 64 * 1024;

    private LongTokens() {}

    static void check(SourceText text) {
        byte[] b = text.bytes();
        int run = 0;
        int line = 1;
        for (byte c : b) {
            switch (c) {
                case '\n' -> {
                    line++;
                    run = 0;
                }
                case ' ', '\t', '\r', '"', '\'', '\\' -> run = 0;
                default -> {
                    if (++run > MAX_TOKEN_BYTES) {
                        throw new DesignInputException(
                                text.name() + ":" + line + ": a value runs over " + MAX_TOKEN_BYTES
                                        + " bytes without a space or line break; split it over lines (a block scalar, |) to keep parsing fast");
                    }
                }
            }
        }
    }
}
