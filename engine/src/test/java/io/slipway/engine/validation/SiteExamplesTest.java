package io.slipway.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.TestDesigns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every design in site-examples/ validates with zero errors, so the examples stay honest. */
class SiteExamplesTest {

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(TestDesigns.repoRoot().resolve("site-examples"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesClean(Path example) {
        var result = TestDesigns.validateFile(example);
        assertThat(TestDesigns.errors(result))
                .as(example.getFileName().toString())
                .isEmpty();
        assertThat(result.design().nodes()).isNotEmpty();
    }
}
