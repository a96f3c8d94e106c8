package io.slipway.engine.design;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a YAML stream into chunks at document markers so chunks can be parsed in parallel. YAML
 * forbids a line starting with {@code ---} or {@code ...} (followed by a blank or line end) inside
 * any scalar, so such a line always ends the previous document: splitting there is exact.
 */
final class DocumentSplitter {
    /** A chunk of the stream: bytes {@code [start, end)} whose first line is line {@code firstLine} (0-based). */
    record Chunk(int start, int end, int firstLine) {}

    private DocumentSplitter() {}

    /** Chunks of roughly {@code target} bytes, each ending just before a document start marker. */
    static List<Chunk> split(byte[] b, int target) {
        List<Chunk> chunks = new ArrayList<>();
        int chunkStart = 0;
        int chunkLine = 0;
        int line = 0;
        for (int i = 0; i < b.length; i++) {
            boolean lineStart = i == 0 || b[i - 1] == '\n';
            if (lineStart && i - chunkStart >= target && isMarker(b, i)) {
                chunks.add(new Chunk(chunkStart, i, chunkLine));
                chunkStart = i;
                chunkLine = line;
            }
            if (b[i] == '\n') {
                line++;
            }
        }
        chunks.add(new Chunk(chunkStart, b.length, chunkLine));
        return chunks;
    }

    private static boolean isMarker(byte[] b, int i) {
        if (i + 3 > b.length || b[i] != '-' || b[i + 1] != '-' || b[i + 2] != '-') {
            return false;
        }
        return i + 3 == b.length || b[i + 3] == ' ' || b[i + 3] == '\n' || b[i + 3] == '\r' || b[i + 3] == '\t';
    }
}
