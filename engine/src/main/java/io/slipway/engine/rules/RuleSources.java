package io.slipway.engine.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The {@code .drl} files of one rule directory, read once, with the key that identifies their
 * compiled form: a SHA-256 over the build of Slipway (version and build time), the Drools version,
 * and every file's relative path and bytes. Any edited, added, removed or renamed file changes it.
 *
 * @param dir the directory as given (paths in messages are resolved against it)
 * @param texts relative path → file text, sorted by path
 * @param key hex SHA-256 described above
 */
record RuleSources(Path dir, Map<Path, String> texts, String key) {

    /** What identifies this build of the engine (the fact classes generated rule code is linked to). */
    static final String BUILD = build();

    /** Reads every {@code *.drl} below {@code dir}; throws {@link RuleCompilationException} when there is none. */
    static RuleSources read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleCompilationException("rules directory " + dir + " does not exist", List.of());
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p))
                    .map(dir::relativize)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new RuleCompilationException("no .drl files in " + dir, List.of());
        }
        Map<Path, byte[]> bytes = new LinkedHashMap<>();
        for (Path f : files) {
            bytes.put(f, bytes(dir.resolve(f)));
        }
        return of(dir, bytes);
    }

    /** Sources from already-read files (relative path → bytes, in a stable order). */
    static RuleSources of(Path dir, Map<Path, byte[]> files) {
        Map<Path, String> texts = new LinkedHashMap<>();
        MessageDigest sha = sha256();
        sha.update(BUILD.getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            texts.put(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8));
            sha.update((slash(f.getKey()) + '\0' + f.getValue().length + '\0').getBytes(StandardCharsets.UTF_8));
            sha.update(f.getValue());
        }
        return new RuleSources(dir, texts, HexFormat.of().formatHex(sha.digest()));
    }

    List<Path> files() {
        return List.copyOf(texts.keySet());
    }

    static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new RuleCompilationException("cannot read " + p + ": " + e.getMessage(), List.of());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String build() {
        Properties p = new Properties();
        try (InputStream in = RuleSources.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "slipway " + p.getProperty("version", "?") + " built " + p.getProperty("built", "?") + " drools "
                + p.getProperty("drools", "?");
    }
}
