package io.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shape every module keeps: no main Java file longer than 250 lines. Reads the source tree only. */
class SourceShapeTest {
    private static final int MAX_LINES = 250;

    @Test
    void noMainJavaFileIsLongerThan250Lines() throws IOException {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        assertThat(repo.resolve("pom.xml")).as("run from the api module").exists();
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(repo)) {
            tooLong = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> lines(p) > MAX_LINES)
                    .map(p -> repo.relativize(p) + " (" + lines(p) + " lines)")
                    .sorted()
                    .toList();
        }
        assertThat(tooLong).as("main Java files over " + MAX_LINES + " lines").isEmpty();
    }

    private static long lines(Path p) {
        try (Stream<String> s = Files.lines(p)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
