package io.slipway.engine.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.TestDesigns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md's step and task-action tables are generated from {@code Step} and {@code TaskAction}:
 * this test fails when they drift and leaves the corrected file in {@code target/rules.md} to copy
 * over docs/rules.md.
 */
class VocabularyDocsTest {
    private static final Path DOC = TestDesigns.repoRoot().resolve("docs/rules.md");

    @Test
    void theStepAndActionTablesInDocsAreTheEnums() throws IOException {
        String doc = Files.readString(DOC);
        String generated =
                replace(replace(doc, "steps", VocabularyTables.steps()), "actions", VocabularyTables.actions());
        if (!generated.equals(doc)) {
            Files.writeString(Path.of("target", "rules.md"), generated);
        }
        assertThat(doc)
                .as("docs/rules.md's generated tables are out of date: copy target/rules.md over docs/rules.md")
                .isEqualTo(generated);
    }

    /** {@code doc} with the text between the markers of table {@code name} replaced by {@code table}. */
    static String replace(String doc, String name, String table) {
        String begin = "<!-- generated: " + name + " (from the enums; VocabularyDocsTest checks it) -->\n";
        String end = "<!-- end generated: " + name + " -->";
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        assertThat(from).as("docs/rules.md has the marker " + begin.strip()).isNotNegative();
        assertThat(to).as("docs/rules.md has the marker " + end).isGreaterThan(from);
        return doc.substring(0, from + begin.length()) + "\n" + table + "\n" + doc.substring(to);
    }
}
