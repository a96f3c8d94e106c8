package io.slipway.engine.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.TestDesigns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A document that is not a mapping is an error; findings come out grouped by document, in line order. */
class DocumentShapeTest {

    @Test
    void aListDocumentIsAnErrorAtItsLine() {
        var result =
                TestDesigns.validate(TestDesigns.site(TestDesigns.node("n1", "base", "10.0.0.11") + "---\n- a\n- b\n"));
        List<Finding> errors = TestDesigns.errors(result);
        assertThat(errors).extracting(Finding::code).containsExactly("SW0004");
        assertThat(errors.get(0).message()).contains("is a list, not a mapping");
        assertThat(errors.get(0).source()).matches("test\\.yaml:\\d+");
        assertThat(result.report().passed()).isFalse();
    }

    @Test
    void aScalarDocumentIsAnErrorButAnEmptyOneIsNot() {
        var scalar = TestDesigns.validate(
                TestDesigns.site(TestDesigns.node("n1", "base", "10.0.0.11") + "---\njust text\n"));
        assertThat(TestDesigns.errorCodes(scalar)).containsExactly("SW0004");
        var empty = TestDesigns.validate(TestDesigns.site(TestDesigns.node("n1", "base", "10.0.0.11") + "---\n---\n"));
        assertThat(TestDesigns.errors(empty)).isEmpty();
    }

    @Test
    void findingsAreGroupedByDocumentInLineOrder() {
        // Two nodes with faults, the later one written first in the file; line 9 must sort before line 10+.
        String yaml = TestDesigns.site(
                TestDesigns.node("n_2", "base", "10.0.0.12") + TestDesigns.node("n_1", "base", "10.0.0.300"));
        var findings = TestDesigns.validate(yaml).report().findings();
        List<Long> lines = findings.stream()
                .filter(f -> f.source() != null)
                .map(f -> Long.parseLong(f.source().substring(f.source().lastIndexOf(':') + 1)))
                .toList();
        assertThat(lines).isSorted().hasSizeGreaterThan(1);
        assertThat(findings.stream().filter(f -> f.source() == null).count() == 0
                        || findings.get(0).source() == null)
                .isTrue();
    }
}
