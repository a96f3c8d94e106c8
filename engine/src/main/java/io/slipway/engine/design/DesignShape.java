package io.slipway.engine.design;

/**
 * Checks that a text is a design at all before it is stored or judged: not empty, free of characters
 * the database cannot store (NUL), and a YAML stream of mappings holding at least one
 * {@code drydock/*} document. Failures are {@link DesignInputException}s naming the source and line.
 * Pure; thread-safe.
 */
public final class DesignShape {
    private DesignShape() {}

    /** Refuses empty text and NUL characters; cheap, before any parsing. */
    public static void requireStorable(SourceText text) {
        byte[] b = text.bytes();
        int line = 1;
        boolean blank = true;
        for (byte c : b) {
            if (c == 0) {
                throw new DesignInputException(text.name() + ":" + line
                        + ": contains a NUL character (\\u0000), which a design" + " cannot hold");
            }
            if (c == '\n') {
                line++;
            }
            blank &= c == ' ' || c == '\n' || c == '\r' || c == '\t';
        }
        if (blank) {
            throw new DesignInputException(text.name() + ": the design is empty");
        }
    }

    /** Refuses a parsed stream that holds no design: documents that are not mappings, or no drydock/* document. */
    public static void requireDesign(SourceText text, SiteDesign parsed) {
        for (Finding f : parsed.findings()) {
            if ("SW0004".equals(f.code())) {
                throw new DesignInputException(
                        f.source() + ": the document is not a mapping; a design is a YAML stream of"
                                + " mappings (schema, metadata, data)");
            }
        }
        boolean judged = parsed.documentCount() > 0
                || parsed.blocked()
                || parsed.findings().stream().anyMatch(Finding::isError);
        if (!judged) {
            throw new DesignInputException(
                    text.name() + ": holds no drydock/* document (each needs schema: drydock/<Kind>/v1,"
                            + " metadata.name and data)");
        }
    }
}
