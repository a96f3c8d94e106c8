package io.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape every module keeps: no main Java file longer than 250 lines, and no installed driver's
 * type name quoted outside its own driver module (the composition root, the engine, the store, the
 * SPI and the rules learn types from the providers). Reads the source tree only.
 */
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
                    .map(p -> Map.entry(p, lines(p)))
                    .filter(e -> e.getValue() > MAX_LINES)
                    .map(e -> repo.relativize(e.getKey()) + " (" + e.getValue() + " lines)")
                    .sorted()
                    .toList();
        }
        assertThat(tooLong).as("main Java files over " + MAX_LINES + " lines").isEmpty();
    }

    @Test
    void noDriverTypeNameIsQuotedOutsideItsDriverModule() throws IOException {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        io.slipway.drivers.spi.DriverRegistry registry = io.slipway.drivers.spi.DriverRegistry.load();
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (io.slipway.drivers.spi.DriverKind kind : io.slipway.drivers.spi.DriverKind.values()) {
            registry.descriptions(kind).forEach(d -> types.add(d.type()));
        }
        assertThat(types).contains("ipmi", "netboot", "maas", "lab");
        List<Path> roots = List.of(
                repo.resolve("api/src/main"),
                repo.resolve("engine/src/main"),
                repo.resolve("store/src/main"),
                repo.resolve("drivers/spi/src/main"),
                repo.resolve("rules"));
        List<String> found = new java.util.ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p ->
                                p.toString().endsWith(".java") || p.toString().endsWith(".drl"))
                        .filter(p -> !p.toString().contains("/target/"))
                        // the kinds' own labels (one of them, "kubernetes", is also a type name)
                        .filter(p -> !p.getFileName().toString().equals("DriverKind.java"))
                        .toList()) {
                    String text = Files.readString(f);
                    types.stream()
                            .filter(t -> text.contains("\"" + t + "\""))
                            .forEach(t -> found.add(repo.relativize(f) + ": \"" + t + "\""));
                }
            }
        }
        assertThat(found)
                .as("driver type names quoted outside their driver modules")
                .isEmpty();
    }

    private static long lines(Path p) {
        try (Stream<String> s = Files.lines(p)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
