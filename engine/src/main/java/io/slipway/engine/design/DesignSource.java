package io.slipway.engine.design;

import io.slipway.engine.fetch.FetchException;
import io.slipway.engine.fetch.FetchPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Fetches design references: plain paths, {@code file://}, {@code http(s)://} and
 * {@code deckhand+http(s)://} (the prefix is dropped). Every {@code http(s)} fetch goes through the
 * {@link FetchPolicy} (allowed sources, their credentials, deadline); every fetch is bounded in size
 * and fails with a {@link DesignInputException} that names the reference (never its credentials).
 * Blocking: call from a worker thread, never an event loop.
 */
public final class DesignSource {
    private final DesignLimits limits;
    private final FetchPolicy policy;

    public DesignSource(DesignLimits limits, FetchPolicy policy) {
        this.limits = limits;
        this.policy = policy;
    }

    public SourceText fetch(String reference) {
        String ref = reference.trim();
        if (ref.startsWith("http://") || ref.startsWith("https://")) {
            return fetchHttp(ref);
        }
        if (ref.startsWith("deckhand+http://") || ref.startsWith("deckhand+https://")) {
            return fetchHttp(ref.substring("deckhand+".length()));
        }
        if (ref.startsWith("file://")) {
            return fetchFile(ref, path(ref, () -> Path.of(URI.create(ref))));
        }
        if (ref.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new DesignInputException(ref.substring(0, ref.indexOf(':'))
                    + "://...: unsupported reference scheme (use a path, file://, http(s):// or deckhand+http(s)://)");
        }
        return fetchFile(ref, path(ref, () -> Path.of(ref)));
    }

    /** The reference as a path; one that is no path at all (bad characters, a malformed URI) is bad input. */
    private static Path path(String ref, java.util.function.Supplier<Path> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new DesignInputException(ref + ": not a readable path or file:// URI (" + e.getMessage() + ")");
        }
    }

    private SourceText fetchFile(String ref, Path path) {
        try {
            long size = Files.size(path);
            if (size > limits.maxInputBytes()) {
                throw tooLarge(ref, size);
            }
            return new SourceText(path.toString(), Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new DesignInputException(ref + ": no such file");
        } catch (IOException e) {
            throw new DesignInputException(ref + ": cannot read: " + e.getMessage());
        }
    }

    private SourceText fetchHttp(String url) {
        try {
            byte[] bytes = policy.fetch(url, limits.maxInputBytes());
            return new SourceText(FetchPolicy.shown(URI.create(url)), bytes);
        } catch (FetchException e) {
            throw new DesignInputException(e.getMessage()
                    + (e.getMessage().contains("size limit")
                            ? " (raise it with --max-bytes or SLIPWAY_DESIGN_MAX_BYTES)"
                            : ""));
        } catch (IllegalArgumentException e) {
            throw new DesignInputException("not a valid URL: " + e.getMessage());
        }
    }

    private DesignInputException tooLarge(String ref, long size) {
        return new DesignInputException(ref + ": " + size + " bytes exceeds the design size limit of "
                + limits.maxInputBytes() + " bytes (raise it with --max-bytes or SLIPWAY_DESIGN_MAX_BYTES)");
    }
}
