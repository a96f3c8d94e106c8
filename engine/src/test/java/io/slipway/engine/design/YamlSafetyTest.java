package io.slipway.engine.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.TestDesigns;
import io.slipway.engine.bench.SiteGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile or broken YAML fails fast with a message naming the file and line. */
class YamlSafetyTest {
    private final DesignLoader loader = new DesignLoader();

    private SiteDesign parse(String yaml) {
        return loader.parse(List.of(new SourceText("site.yaml", TestDesigns.bytes(yaml))));
    }

    static String billionLaughs() {
        StringBuilder y = new StringBuilder(
                "---\nschema: drydock/Network/v1\nmetadata: {name: lol}\ndata:\n  labels:\n    l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            y.append("    l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                y.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            y.append("]\n");
        }
        return y.toString();
    }

    @Test
    void aliasBombIsRefused() {
        assertThatThrownBy(() -> parse(billionLaughs()))
                .isInstanceOf(DesignInputException.class)
                .hasMessageContaining("site.yaml")
                .hasMessageContaining("aliases");
    }

    @Test
    void aDocumentOverTheNodeBudgetIsRefused() {
        String y =
                "---\nschema: drydock/Rack/v1\nmetadata: {name: r}\ndata:\n  location: {k1: v, k2: v, k3: v, k4: v, k5: v, k6: v, k7: v, k8: v}\n";
        DesignLoader tight = new DesignLoader(
                new DesignLimits(
                        1 << 20, 1 << 20, 50, 5, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1)),
                io.slipway.engine.fetch.FetchPolicy.none());
        assertThatThrownBy(() -> tight.parse(List.of(new SourceText("r.yaml", TestDesigns.bytes(y)))))
                .isInstanceOf(DesignInputException.class)
                .hasMessageContaining("more than 5 YAML nodes");
    }

    @Test
    void syntaxErrorsNameFileLineAndColumn() {
        assertThatThrownBy(() -> parse("---\nschema: drydock/Network/v1\nmetadata: {name: x\ndata: {}\n"))
                .isInstanceOf(DesignInputException.class)
                .hasMessageStartingWith("site.yaml:4:");
    }

    @Test
    void anOversizedDocumentIsRefused() {
        DesignLoader small = new DesignLoader(
                DesignLimits.defaults().withMaxInputBytes(1000), io.slipway.engine.fetch.FetchPolicy.none());
        byte[] big = new byte[2000];
        java.util.Arrays.fill(big, (byte) '#');
        assertThatThrownBy(() -> small.parse(List.of(new SourceText("big.yaml", big))))
                .isInstanceOf(DesignInputException.class)
                .hasMessageContaining("exceeds the design size limit of 1000 bytes");
    }

    @Test
    void duplicateKeysAreErrorsAtTheirLine() {
        SiteDesign d = parse(
                "---\nschema: drydock/Network/v1\nmetadata: {name: n}\ndata:\n  cidr: 10.0.0.0/24\n  mtu: 1500\n  mtu: 9000\n");
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("SW0002");
            assertThat(f.source()).isEqualTo("site.yaml:7");
            assertThat(f.isError()).isTrue();
        });
        assertThat(d.networks().get(0).mtu()).isEqualTo(9000);
    }

    @Test
    void schemaErrorsNameTheFieldAndLineAndDropTheDocument() {
        SiteDesign d = parse(
                "---\nschema: drydock/Network/v1\nmetadata: {name: n}\ndata:\n  cidr: 10.0.0.0/24\n  vlan: 100\n  bogus: 1\n");
        assertThat(d.networks()).isEmpty();
        assertThat(d.blocked()).isTrue();
        assertThat(d.findings()).extracting(Finding::code).containsOnly("DD001");
        assertThat(d.findings())
                .extracting(Finding::message)
                .anyMatch(m -> m.contains("data.vlan: 100 is not of type 'string'"))
                .anyMatch(m -> m.contains("'bogus' was unexpected"));
        assertThat(d.findings()).extracting(Finding::source).contains("site.yaml:6", "site.yaml:7");
    }

    @Test
    void unknownKindsAreProcessingErrorsAndOtherNamespacesAreIgnored() {
        SiteDesign d = parse("---\nschema: drydock/Switch/v1\nmetadata: {name: s}\ndata: {}\n"
                + "---\nschema: promenade/Genesis/v1\nmetadata: {name: g}\ndata: {anything: [1, 2]}\n");
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("DD000");
            assertThat(f.message()).contains("Kind Switch");
            assertThat(f.source()).isEqualTo("site.yaml:2");
        });
    }

    @Test
    void linesStayExactWhenALargeStreamIsParsedInParallel() {
        String big = SiteGenerator.generate(3000);
        String broken = big
                + "---\nschema: drydock/Network/v1\nmetadata: {name: late}\ndata:\n  cidr: 10.0.0.0/24\n  mtu: big\n";
        long lines = big.chars().filter(c -> c == '\n').count();
        SiteDesign d = parse(broken);
        assertThat(d.nodes()).hasSize(3000);
        assertThat(d.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.source()).isEqualTo("site.yaml:" + (lines + 6)));
    }

    @Test
    void longSingleLineScalarsAreParsedInLinearTimeOrRefused() {
        for (String style : List.of("", "\"", "'")) {
            String scalar = style + "x".repeat(3_900_000) + style;
            String y = "---\nschema: drydock/Network/v1\nmetadata: {name: long}\ndata:\n  cidr: 10.0.0.0/24\n  notes: "
                    + scalar + "\n";
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> parse(y))
                    .isInstanceOf(DesignInputException.class)
                    .hasMessageContaining("site.yaml:6")
                    .hasMessageContaining("without a space or line break");
            System.out.printf(
                    "a 3.9 MB single-line %s scalar: %d ms%n",
                    style.isEmpty() ? "plain" : style + "quoted", (System.nanoTime() - t0) / 1_000_000);
        }
        String fits = "---\nschema: drydock/Network/v1\nmetadata: {name: long}\ndata:\n  cidr: 10.0.0.0/24\n  notes: "
                + "x".repeat(60_000) + "\n";
        long t0 = System.nanoTime();
        assertThat(parse(fits).findings()).noneMatch(f -> f.message().contains("without a space"));
        System.out.printf("a 60 KB single-line plain scalar: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    /** Found by DesignFuzzTest: a \\u escape cut short at the end of the stream escaped as a NumberFormatException. */
    @Test
    void aShortEscapeSequenceIsNamed() {
        for (String y : List.of(
                "---\nschema: drydock/Network/v1\nmetadata: {name: \"quoted \\u",
                "a: \"\\x4\"\n",
                "a: \"\\U0001F60\"\n",
                "a: \"\\uZZZZ\"\n")) {
            assertThatThrownBy(() -> parse(y))
                    .as(y)
                    .isInstanceOf(DesignInputException.class)
                    .hasMessageContaining("site.yaml")
                    .hasMessageContaining("escape sequence");
        }
    }
}
