package io.slipway.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.TestDesigns;
import io.slipway.engine.design.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fault in a host profile is reported once, at the profile, naming the nodes that inherit it. */
class ProfileFindingsTest {
    private static final String SMALL = """
      ---
      schema: drydock/HostProfile/v1
      metadata: {name: small}
      data:
        host_profile: base
        storage:
          physical_devices:
            sda:
              partitions:
                - {name: root, size: 10g}
      """;

    private static List<Finding> rootErrors(String nodes) {
        return TestDesigns.errors(TestDesigns.validate(TestDesigns.site(SMALL + nodes))).stream()
                .filter(f -> f.ruleId().equals("STO-002"))
                .toList();
    }

    @Test
    void aProfileFaultIsReportedOnceAtTheProfile() {
        List<Finding> errors = rootErrors(TestDesigns.node("n1", "small", "10.0.0.11")
                + TestDesigns.node("n2", "small", "10.0.0.12")
                + TestDesigns.node("n3", "small", "10.0.0.13"));
        assertThat(errors).hasSize(1);
        Finding f = errors.get(0);
        assertThat(f.message()).contains("n1, n2, n3").contains("HostProfile small");
        assertThat(f.documents().get(0).name()).isEqualTo("small");
        assertThat(f.source()).isEqualTo(f.documents().get(0).source()).matches("test\\.yaml:\\d+");
    }

    @Test
    void aFaultOfOneNodeStaysAtThatNode() {
        List<Finding> errors =
                rootErrors(TestDesigns.node("n1", "small", "10.0.0.11") + TestDesigns.node("n2", "base", "10.0.0.12"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).documents()).extracting(d -> d.name()).containsExactly("n1");
        assertThat(errors.get(0).message()).doesNotContain("HostProfile");
    }
}
