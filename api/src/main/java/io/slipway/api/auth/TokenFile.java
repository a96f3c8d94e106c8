package io.slipway.api.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk form of the token store: YAML with a name, the hex SHA-256 of the token and roles per
 * entry. Blocking file IO; callers keep it off event loops.
 */
final class TokenFile {
    private static final Logger LOG = LoggerFactory.getLogger(TokenFile.class);
    private static final ObjectMapper YAML = new ObjectMapper(
                    new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String HEADER = """
      # Slipway API tokens. Only SHA-256 hashes of the tokens are kept here; the tokens themselves
      # were printed once, when they were created. To add one by hand, store the output of
      #   printf %s "$TOKEN" | sha256sum
      # with a name and roles from the policy. See docs/auth.md.
      """;

    /** One stored token. */
    record Entry(String name, String sha256, List<String> roles) {}

    /** The whole file. */
    record Content(List<Entry> tokens) {
        Content {
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
        }
    }

    private TokenFile() {}

    static Content read(Path file) throws IOException {
        warnIfShared(file);
        Content c = YAML.readValue(file.toFile(), Content.class);
        return c == null ? new Content(List.of()) : c;
    }

    /**
     * Writes the file with mode 600, through a temporary file and an atomic rename so that a crash
     * never leaves half a file and the content is never readable by others, not even briefly.
     */
    static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir, attributes("rwx------"));
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, attributes("rw-------"));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is writing " + file, e);
        }
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            YAML.writeValue(w, content);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static FileAttribute<?>[] attributes(String mode) {
        boolean posix = java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews()
                .contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
    }

    // Hashes of 256-bit random tokens cannot be reversed, but the file also says which names hold
    // which roles; like ssh with its keys, say so when others can read it.
    private static void warnIfShared(Path file) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            mode.retainAll(Set.of(
                    PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE));
            if (!mode.isEmpty()) {
                LOG.warn("token file {} is accessible by other users; run: chmod 600 {}", file, file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
