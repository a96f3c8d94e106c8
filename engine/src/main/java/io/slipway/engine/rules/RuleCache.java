package io.slipway.engine.rules;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Compiled rule sets on disk: one jar of generated executable-model classes per {@link RuleSources#key()}.
 * Entries are written to a temporary file and moved into place atomically, so concurrent processes
 * never see a partial jar; a compile error writes nothing. The newest {@value #KEEP} entries are kept.
 * Location: {@code $SLIPWAY_CACHE_DIR} (the build points it into {@code target/}), else
 * {@code $XDG_CACHE_HOME/slipway}, else {@code ~/.cache/slipway}; rule sets go to {@code rules/} below it.
 * {@code SLIPWAY_CACHE_DIR=off} disables the cache. Failures to write are not errors: the rules are
 * then compiled on every run.
 */
final class RuleCache {
    static final String MODELS = "META-INF/slipway/models";
    private static final int KEEP = 16;
    private final Path dir;

    RuleCache(Path dir) {
        this.dir = dir;
    }

    /** The cache configured by the environment, or a disabled one. */
    static RuleCache configured() {
        String env = System.getenv("SLIPWAY_CACHE_DIR");
        String xdg = System.getenv("XDG_CACHE_HOME");
        String base = env != null && !env.isBlank()
                ? env
                : xdg != null && !xdg.isBlank()
                        ? xdg + "/slipway"
                        : System.getProperty("user.home") + "/.cache/slipway";
        return new RuleCache(base.equals("off") ? null : Path.of(base, "rules"));
    }

    /** The cached rule set for {@code key}: its model class names and generated classes. */
    Optional<Entry> find(String key) {
        if (dir == null) {
            return Optional.empty();
        }
        Path jar = dir.resolve(key + ".jar");
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        Map<String, byte[]> classes = new HashMap<>();
        List<String> models = null;
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(MODELS)) {
                    models = lines(new String(bytes, StandardCharsets.UTF_8));
                } else if (e.getName().endsWith(".class")) {
                    classes.put(e.getName(), bytes);
                }
            }
        } catch (IOException e) {
            deleteQuietly(jar); // unreadable (truncated by a full disk, say): compiled again and replaced
            return Optional.empty();
        }
        if (models == null) {
            deleteQuietly(jar);
            return Optional.empty();
        }
        return Optional.of(new Entry(jar, models, classes));
    }

    /** Stores a compiled rule set under {@code key}; returns false (and leaves nothing) when it cannot. */
    boolean store(String key, ModelCompiler.Output out) {
        if (dir == null) {
            return false;
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, key, ".tmp");
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(tmp))) {
                write(jar, MODELS, String.join("\n", out.models()).getBytes(StandardCharsets.UTF_8));
                for (Map.Entry<String, byte[]> c : out.classes().entrySet()) {
                    write(jar, c.getKey(), c.getValue());
                }
            }
            Files.move(
                    tmp,
                    dir.resolve(key + ".jar"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            prune();
            return true;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            return false;
        }
    }

    /** Removes a cached entry that could not be loaded (built against other classes, say). */
    void evict(Entry entry) {
        deleteQuietly(entry.jar());
    }

    /** A cached rule set: its jar, its model class names and its generated classes (path → bytes). */
    record Entry(Path jar, List<String> models, Map<String, byte[]> classes) {}

    private void prune() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> jars = s.filter(p -> p.toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(RuleCache::modified).reversed())
                    .toList();
            jars.stream().skip(KEEP).forEach(RuleCache::deleteQuietly);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void write(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        ((OutputStream) jar).write(bytes);
        jar.closeEntry();
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless: it never has the .jar suffix the cache reads
            }
        }
    }
}
