package io.slipway.engine.design;

import io.slipway.engine.fetch.FetchPolicy;
import java.util.List;

/**
 * Reads one or more design references into a {@link SiteDesign}. Document-level problems become
 * findings; only input that cannot be read at all throws {@link DesignInputException}. Blocking and
 * thread-safe (no shared mutable state): call from a worker thread.
 */
public final class DesignLoader {
    private static final int CHUNK_BYTES = 256 * 1024;
    private final DesignLimits limits;
    private final DesignSource source;

    public DesignLoader(DesignLimits limits, FetchPolicy fetchPolicy) {
        this.limits = limits;
        this.source = new DesignSource(limits, fetchPolicy);
    }

    /** Default limits; no {@code http(s)} source (uploads, files and stored revisions only). */
    public DesignLoader() {
        this(DesignLimits.defaults(), FetchPolicy.none());
    }

    public DesignLimits limits() {
        return limits;
    }

    public SiteDesign load(List<String> references) {
        return parse(references.stream().map(source::fetch).toList());
    }

    public SourceText fetch(String reference) {
        return source.fetch(reference);
    }

    public SiteDesign parse(List<SourceText> texts) {
        SiteDesignBuilder out = new SiteDesignBuilder();
        for (SourceText text : texts) {
            if (text.bytes().length > limits.maxInputBytes()) {
                throw new DesignInputException(text.name() + ": " + text.bytes().length
                        + " bytes exceeds the design size limit of " + limits.maxInputBytes() + " bytes");
            }
            LongTokens.check(text);
            List<DocumentSplitter.Chunk> chunks = DocumentSplitter.split(text.bytes(), CHUNK_BYTES);
            // Large streams are parsed on all cores; chunks are merged back in document order.
            List<SiteDesignBuilder> parts = (chunks.size() == 1 ? chunks.stream() : chunks.parallelStream())
                    .map(c -> parseChunk(text, c))
                    .toList();
            parts.forEach(out::addAll);
        }
        return out.build();
    }

    private SiteDesignBuilder parseChunk(SourceText text, DocumentSplitter.Chunk chunk) {
        SiteDesignBuilder part = new SiteDesignBuilder();
        DocumentBinder binder = new DocumentBinder(limits.maxNodesPerDocument());
        new YamlStream(limits)
                .read(
                        text.name(),
                        text.bytes(),
                        chunk.start(),
                        chunk.end() - chunk.start(),
                        chunk.firstLine(),
                        raw -> binder.bind(raw, text.name(), part),
                        f -> {
                            if (f.isError()) {
                                part.block(f);
                            } else {
                                part.findings.add(f);
                            }
                        });
        return part;
    }
}
