package io.slipway.drivers.netboot;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OS images nodes can be deployed with: {@code images.json} in the images directory lists each
 * image's name, file (relative to the directory), sha256, format ({@code raw} or {@code gzip}) and size.
 * Every method does file I/O: call it off the event loop. Hashes of unchanged files (same size and
 * modification time) are computed once per process.
 */
public final class ImageRegistry {
    public static final String FILE = "images.json";
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();
    private final Path dir;

    /** One registered image; {@code file} is relative to the images directory. */
    public record Image(String name, String file, String sha256, String format, long size) {
        JsonObject toJson() {
            return new JsonObject()
                    .put("name", name)
                    .put("file", file)
                    .put("sha256", sha256)
                    .put("format", format)
                    .put("size", size);
        }
    }

    public ImageRegistry(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The registered images; none when the registry file does not exist. Fails naming the file and entry. */
    public List<Image> list() {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return List.of();
        }
        JsonArray a;
        try {
            a = new JsonObject(Files.readString(f)).getJsonArray("images", new JsonArray());
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": " + e.getMessage(), e);
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException(f + ": not a JSON object with an \"images\" list: " + e.getMessage());
        }
        List<Image> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonObject o = a.getJsonObject(i);
            String name = o.getString("name");
            String format = o.getString("format", "raw");
            if (name == null
                    || o.getString("file") == null
                    || o.getString("sha256") == null
                    || !format.matches("raw|gzip")) {
                throw new IllegalArgumentException(
                        f + ": images[" + i + "] needs name, file, sha256 and format raw|gzip");
            }
            out.add(new Image(
                    name, o.getString("file"), o.getString("sha256").toLowerCase(), format, o.getLong("size", 0L)));
        }
        return out;
    }

    public Image find(String name) {
        return list().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
    }

    public Path path(Image image) {
        return dir.resolve(image.file()).normalize();
    }

    /**
     * Registers {@code file} as image {@code name}: copies it into the directory when it lies outside,
     * computes its sha256 and size, and replaces any entry of that name. {@code gzip} files must be gzip.
     */
    public Image add(String name, Path file, String format) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("image name " + name + " must be letters, digits, '.', '_' or '-'");
        }
        if (!format.matches("raw|gzip")) {
            throw new IllegalArgumentException("format " + format + " must be raw or gzip");
        }
        try {
            Files.createDirectories(dir);
            Path target = file.toAbsolutePath()
                            .normalize()
                            .startsWith(dir.toAbsolutePath().normalize())
                    ? file
                    : dir.resolve(file.getFileName());
            if (!target.equals(file)) {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (format.equals("gzip") && !isGzip(target)) {
                throw new IllegalArgumentException(file + " is not gzip-compressed; register it with --format raw");
            }
            Image image = new Image(
                    name,
                    dir.toAbsolutePath()
                            .normalize()
                            .relativize(target.toAbsolutePath().normalize())
                            .toString(),
                    sha256(target),
                    format,
                    Files.size(target));
            List<Image> all = new ArrayList<>(
                    list().stream().filter(i -> !i.name().equals(name)).toList());
            all.add(image);
            JsonArray a = new JsonArray();
            all.forEach(i -> a.add(i.toJson()));
            Path tmp = dir.resolve(FILE + ".tmp");
            Files.writeString(tmp, new JsonObject().put("images", a).encodePrettily() + "\n");
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("registering " + file + ": " + e.getMessage(), e);
        }
    }

    /** Null when the image's file is present and hashes to its registered sha256, else what is wrong. */
    public String problem(Image image) {
        Path p = path(image);
        if (!Files.isRegularFile(p)) {
            return "image " + image.name() + ": file " + p + " is missing";
        }
        String actual = sha256(p);
        return actual.equals(image.sha256())
                ? null
                : "image " + image.name() + ": " + p + " has sha256 " + actual + ", registered " + image.sha256();
    }

    /** The sha256 of a file (cached while its size and modification time do not change). */
    public static String sha256(Path p) {
        try {
            String key = p.toAbsolutePath() + "|" + Files.size(p) + "|"
                    + Files.getLastModifiedTime(p).toMillis();
            String cached = HASHES.get(key);
            if (cached != null) {
                return cached;
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            String hex = HexFormat.of().formatHex(md.digest());
            HASHES.put(key, hex);
            return hex;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + p + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isGzip(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }
}
