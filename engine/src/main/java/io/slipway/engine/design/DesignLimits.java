package io.slipway.engine.design;

import java.time.Duration;

/**
 * Bounds applied while reading designs, so hostile or accidental input fails fast with a clear
 * message instead of exhausting memory or hanging.
 *
 * @param maxInputBytes total bytes accepted from one reference
 * @param maxDocumentChars characters in one YAML document ({@code ---} section)
 * @param maxAliases aliases to collections allowed in one stream (billion-laughs guard)
 * @param maxNodesPerDocument YAML nodes visited per document, after alias expansion
 * @param connectTimeout connect bound for {@code http(s)} references
 * @param readTimeout whole-response bound for {@code http(s)} references
 */
public record DesignLimits(
        long maxInputBytes,
        int maxDocumentChars,
        int maxAliases,
        int maxNodesPerDocument,
        Duration connectTimeout,
        Duration readTimeout) {

    public static DesignLimits defaults() {
        return new DesignLimits(
                32L * 1024 * 1024, 4 * 1024 * 1024, 50, 200_000, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    public DesignLimits withMaxInputBytes(long bytes) {
        return new DesignLimits(bytes, maxDocumentChars, maxAliases, maxNodesPerDocument, connectTimeout, readTimeout);
    }
}
