package io.slipway.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.DriverDescription;
import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.engine.TestDesigns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Driver knowledge stays in the driver modules: no type a driver installed on this class path
 * declares (nor one described without a driver) is written as a string into the validation rules
 * or the engine's validation, site and rule-loading code.
 */
class NoDriverNamesTest {
    private static final List<String> CHECKED = List.of(
            "rules/validation",
            "engine/src/main/java/io/slipway/engine/validation",
            "engine/src/main/java/io/slipway/engine/site",
            "engine/src/main/java/io/slipway/engine/rules");

    @Test
    void noKnownDriverTypeIsQuotedInTheRulesOrTheEngine() throws IOException {
        DriverRegistry registry = DriverRegistry.load();
        TreeSet<String> types = new TreeSet<>();
        for (DriverKind kind : DriverKind.values()) {
            types.addAll(registry.types(kind));
            registry.descriptions(kind).stream().map(DriverDescription::type).forEach(types::add);
        }
        assertThat(types).as("the test class path installs drivers").contains("manual", "libvirt");
        List<String> found = new ArrayList<>();
        for (String dir : CHECKED) {
            try (Stream<Path> files = Files.walk(TestDesigns.repoRoot().resolve(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f).toLowerCase(java.util.Locale.ROOT);
                    types.stream()
                            .filter(t -> text.contains("\"" + t + "\""))
                            .forEach(t -> found.add(dir + "/" + f.getFileName() + ": \"" + t + "\""));
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
