package io.slipway.engine.bootaction;

import io.slipway.engine.bootaction.Pipeline.SegmentException;
import io.slipway.engine.fetch.FetchException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches {@code location} assets: {@code file://} under the configured roots, {@code http(s)://}
 * through the server's {@link io.slipway.engine.fetch.FetchPolicy}, bounded in time and size. Blocking: call from a worker thread. Thread-safe.
 */
final class AssetLocations {
    private final BootActionConfig config;
    private final List<Path> roots;

    AssetLocations(BootActionConfig config) {
        this.config = config;
        this.roots = realRoots(config.fileRoots());
    }

    byte[] fetch(String location) {
        URI uri;
        try {
            uri = URI.create(location.strip());
        } catch (IllegalArgumentException e) {
            throw new SegmentException("location '" + location + "' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        return switch (scheme) {
            case "file" -> file(uri);
            case "http", "https" -> http(uri);
            default -> throw new SegmentException("location '" + location + "': unsupported scheme '" + scheme + "'");
        };
    }

    private byte[] file(URI uri) {
        try {
            Path path = Path.of(uri).toRealPath();
            if (roots.stream().noneMatch(path::startsWith)) {
                throw new SegmentException("location " + uri + " is outside the allowed file roots");
            }
            if (Files.size(path) > config.maxAssetBytes()) {
                throw new SegmentException("location " + uri + " is larger than " + config.maxAssetBytes() + " bytes");
            }
            return Files.readAllBytes(path);
        } catch (IOException | IllegalArgumentException e) {
            throw new SegmentException(
                    "location " + uri + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private byte[] http(URI uri) {
        try {
            return config.fetchPolicy().fetch(uri.toString(), config.maxAssetBytes(), config.fetchTimeout());
        } catch (FetchException e) {
            throw new SegmentException("location " + e.getMessage());
        }
    }

    private static List<Path> realRoots(List<Path> configured) {
        List<Path> out = new ArrayList<>();
        for (Path p : configured) {
            try {
                out.add(p.toRealPath());
            } catch (IOException e) {
                // A root that does not exist allows nothing; keeping startup alive is the operator's choice.
            }
        }
        return List.copyOf(out);
    }
}
