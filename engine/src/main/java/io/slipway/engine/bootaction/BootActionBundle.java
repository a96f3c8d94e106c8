package io.slipway.engine.bootaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code tar.gz} a node fetches: its {@code unit} or its {@code file} assets, rendered.
 *
 * <p>Deterministic: entries are sorted by path, owned by uid/gid 0, dated with the context's
 * creation time and gzip-compressed without a timestamp, so the same context and revision always
 * give the same bytes. Entry names are the asset paths without the leading {@code /}; extract with
 * {@code tar -xzf bundle.tar.gz -C /}. Immutable.
 *
 * @param fileName the download name, {@code <node>-unit.tar.gz} or {@code <node>-file.tar.gz}
 * @param data the archive
 */
public record BootActionBundle(String fileName, byte[] data) {

    public static final String CONTENT_TYPE = "application/gzip";

    /** Which assets a bundle carries; {@code pkg_list} assets are in neither. */
    public enum Kind {
        UNITS("unit"),
        FILES("file");

        private final String assetType;

        Kind(String assetType) {
            this.assetType = assetType;
        }

        /** The asset {@code type} this bundle holds. */
        public String assetType() {
            return assetType;
        }
    }

    /** One rendered asset: the boot action it came from, its absolute path, mode and content. */
    public record Entry(String action, String path, int mode, byte[] data) {
        public Entry {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(path, "path");
            data = data.clone();
        }
    }

    public BootActionBundle {
        Objects.requireNonNull(fileName, "fileName");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * Builds the archive. Fails with an {@code UNPROCESSABLE} {@link BootActionProblem} when two
     * entries share a path (naming both boot actions), or a path is unsafe ({@code ..}) or too long.
     */
    public static BootActionBundle build(String node, Kind kind, List<Entry> entries, Instant created) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::path));
        checkPaths(sorted);
        long mtime = created == null ? 0 : Math.max(0, created.getEpochSecond());
        TarGz tar = new TarGz();
        for (Entry e : sorted) {
            try {
                tar.add(e.path().substring(1), e.mode(), mtime, e.data);
            } catch (IllegalArgumentException ex) {
                throw BootActionProblem.asset(e.action(), e.path(), ex.getMessage());
            }
        }
        return new BootActionBundle(node + "-" + kind.assetType() + ".tar.gz", tar.finish());
    }

    private static void checkPaths(List<Entry> sorted) {
        Map<String, String> owner = new HashMap<>();
        for (Entry e : sorted) {
            String path = e.path();
            if (!path.startsWith("/")
                    || path.length() < 2
                    || Arrays.asList(path.split("/")).contains("..")) {
                throw BootActionProblem.asset(e.action(), path, "path must be absolute and must not contain '..'");
            }
            String previous = owner.putIfAbsent(path, e.action());
            if (previous != null) {
                throw BootActionProblem.asset(
                        e.action(),
                        path,
                        "path is also written by boot action " + previous
                                + "; paths must be unique across boot actions");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BootActionBundle b && b.fileName.equals(fileName) && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * fileName.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "BootActionBundle[" + fileName + ", " + data.length + " bytes]";
    }
}
