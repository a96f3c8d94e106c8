package io.slipway.engine.rules;

import io.slipway.engine.rules.RuleSet.Loading;
import io.slipway.engine.rules.RuleSet.Source;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.kie.api.KieBase;

/**
 * Turns a directory of {@code .drl} files into a {@link RuleSet} without compiling rules on the hot
 * path. The bundled rules were compiled to the Drools executable model when Slipway was built; a
 * user's directory is compiled once and its generated classes cached on disk ({@link RuleCache}),
 * keyed by the files' contents and the Slipway build, so an edited file is recompiled and an
 * unchanged one loads in tens of milliseconds. Blocking (a compile takes seconds): run it off the
 * event loop. Errors are reported as {@code file:line:col: text}; nothing is half-loaded and nothing
 * is cached for files that do not compile. Thread-safe.
 */
public final class RuleBook {
    /** Resource folder of the rule set bundled in the jar (the copy of the repository's rules/). */
    public static final String BUNDLED = "slipway-rules";
    /** Resource folder of the executable models generated from the bundled rules at build time. */
    static final String PRECOMPILED = "slipway-rules-model";

    private static final List<String> BUNDLED_SETS = List.of("validation", "lifecycle");

    private RuleBook() {}

    /** How rules are compiled: trading build time against evaluation speed. */
    public enum Mode {
        /** Classic compiler, interpreted constraints, never cached: for comparisons and diagnostics. */
        INTERPRETED,
        /** Executable model: precompiled or cached on disk, compiled only when the files changed. */
        EXECUTABLE
    }

    /** Loads every {@code *.drl} below {@code dir} (recursively) as the executable model. */
    public static RuleSet compile(Path dir) {
        return compile(dir, Mode.EXECUTABLE);
    }

    /** Loads every {@code *.drl} below {@code dir} (recursively) in the given mode. */
    public static RuleSet compile(Path dir, Mode mode) {
        return compile(dir, mode, RuleCache.configured());
    }

    /** As {@link #compile(Path, Mode)} with an explicit cache directory ({@code null}: no cache). */
    public static RuleSet compile(Path dir, Mode mode, Path cacheDir) {
        return compile(dir, mode, new RuleCache(cacheDir == null ? null : cacheDir.resolve("rules")));
    }

    private static RuleSet compile(Path dir, Mode mode, RuleCache cache) {
        long t0 = System.nanoTime();
        return load(RuleSources.read(dir), dir.toString(), mode, cache, t0);
    }

    /** Loads the rule set bundled on the class path ({@code slipway-rules/<sub>}). */
    public static RuleSet bundled(String sub) {
        return bundled(sub, Mode.EXECUTABLE);
    }

    /** Loads the bundled rule set ({@code slipway-rules/<sub>}): precompiled unless asked to interpret. */
    public static RuleSet bundled(String sub, Mode mode) {
        long t0 = System.nanoTime();
        String origin = "bundled:" + sub;
        Optional<Properties> index = index(sub);
        RuleSources src = index.isPresent() ? fromIndex(sub, index.get()) : RuleSources.read(bundledDir(sub));
        return load(src, origin, mode, RuleCache.configured(), t0);
    }

    static RuleSet load(RuleSources src, String origin, Mode mode, RuleCache cache, long t0) {
        if (mode == Mode.INTERPRETED) {
            return set(origin, src, ModelCompiler.interpreted(src), Source.INTERPRETED, t0);
        }
        Optional<RuleSet> precompiled = precompiled(src, origin, t0);
        if (precompiled.isPresent()) {
            return precompiled.get();
        }
        Optional<RuleCache.Entry> hit = cache.find(src.key());
        if (hit.isPresent()) {
            try {
                return set(
                        origin,
                        src,
                        ModelLoader.kieBase(
                                new GeneratedClassLoader(hit.get().classes()),
                                hit.get().models()),
                        Source.CACHED,
                        t0);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                cache.evict(hit.get()); // unreadable or built against other classes: compile afresh
            }
        }
        ModelCompiler.Output out = ModelCompiler.executable(src);
        cache.store(src.key(), out);
        try {
            return set(
                    origin,
                    src,
                    ModelLoader.kieBase(new GeneratedClassLoader(out.classes()), out.models()),
                    Source.COMPILED,
                    t0);
        } catch (ReflectiveOperationException e) {
            throw new RuleCompilationException(
                    "rules in " + src.dir() + " compiled but cannot be loaded: " + e, List.of());
        }
    }

    private static RuleSet set(String origin, RuleSources src, KieBase base, Source source, long t0) {
        return new RuleSet(
                origin, src.files(), ModelLoader.ruleCount(base), base, new Loading(source, System.nanoTime() - t0));
    }

    /**
     * The classes generated at build time, when {@code src} is exactly a bundled rule set (the bundled
     * copy itself, or a directory holding the same files, such as a checkout's {@code rules/}).
     */
    private static Optional<RuleSet> precompiled(RuleSources src, String origin, long t0) {
        for (String sub : BUNDLED_SETS) {
            Optional<Properties> index = index(sub);
            if (index.isPresent() && src.key().equals(index.get().getProperty("key"))) {
                try {
                    List<String> models =
                            Arrays.asList(index.get().getProperty("models").split(","));
                    return Optional.of(set(
                            origin,
                            src,
                            ModelLoader.kieBase(RuleBook.class.getClassLoader(), models),
                            Source.PRECOMPILED,
                            t0));
                } catch (ReflectiveOperationException | LinkageError e) {
                    return Optional.empty(); // classes missing from this class path: compile instead
                }
            }
        }
        return Optional.empty();
    }

    /** The build-time index of a bundled rule set: its key, model classes and files. */
    private static Optional<Properties> index(String sub) {
        try (InputStream in =
                RuleBook.class.getClassLoader().getResourceAsStream(PRECOMPILED + "/" + sub + ".properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            return Optional.of(p);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The bundled files the index lists, read as class-path resources (no scan of the jar). */
    private static RuleSources fromIndex(String sub, Properties index) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (String f : index.getProperty("files", "").split(",")) {
            try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(BUNDLED + "/" + sub + "/" + f)) {
                if (in == null) {
                    throw new RuleCompilationException("bundled rule file " + f + " is missing", List.of());
                }
                files.put(Path.of(f), in.readAllBytes());
            } catch (IOException e) {
                throw new RuleCompilationException("cannot read bundled rules: " + e.getMessage(), List.of());
            }
        }
        return RuleSources.of(Path.of(BUNDLED, sub), files);
    }

    /** The bundled folder as a path (inside the jar's file system when packaged). */
    public static Path bundledDir(String sub) {
        var url = RuleBook.class.getClassLoader().getResource(BUNDLED + "/" + sub);
        if (url == null) {
            throw new RuleCompilationException("no bundled rules for " + sub, List.of());
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                fs = FileSystems.newFileSystem(uri, Map.of());
            }
            return fs.provider().getPath(uri);
        } catch (URISyntaxException | IOException e) {
            throw new RuleCompilationException("cannot read bundled rules: " + e.getMessage(), List.of());
        }
    }
}
