package io.slipway.engine.effective;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.TestDesigns;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.design.SourceText;
import io.slipway.engine.design.model.NodeFilterSet;
import io.slipway.engine.design.model.NodeFilterSet.NodeFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeFiltersTest {
    private final List<EffectiveNode> nodes = new EffectiveCompiler()
            .compile(new DesignLoader()
                    .parse(List.of(new SourceText(
                            "t.yaml",
                            TestDesigns.bytes(TestDesigns.site(
                                    node("a", "rack1", "[x]", "{color: yellow, type: physical}", "10.0.0.11")
                                            + node("b", "rack1", "[y]", "{color: yellow}", "10.0.0.12")
                                            + node("c", "rack2", "[x, y]", "{type: physical}", "10.0.0.13")))))))
            .nodes();

    private static String node(String name, String rack, String tags, String labels, String ip) {
        return "---\nschema: drydock/BaremetalNode/v1\nmetadata: {name: " + name + "}\ndata:\n  host_profile: base\n"
                + "  addressing: [{network: pxe, address: " + ip + "}]\n  metadata: {rack: " + rack + ", tags: " + tags
                + ", owner_data: " + labels + "}\n";
    }

    private List<String> select(String setType, NodeFilter... filters) {
        return NodeFilters.select(new NodeFilterSet(setType, List.of(filters)), nodes, Map.of()).stream()
                .map(EffectiveNode::name)
                .toList();
    }

    private static NodeFilter filter(
            String type, List<String> names, List<String> tags, Map<String, String> labels, List<String> racks) {
        return new NodeFilter(type, names, tags, labels, racks, Map.of());
    }

    @Test
    void labelsMatchOnlyWhenEveryPairMatches() {
        assertThat(select(
                        "union",
                        filter(
                                "intersection",
                                List.of(),
                                List.of(),
                                Map.of("color", "yellow", "type", "physical"),
                                List.of())))
                .containsExactly("a");
    }

    @Test
    void criteriaCombineByFilterTypeAndFiltersBySetType() {
        assertThat(select("union", filter("intersection", List.of(), List.of("x"), Map.of(), List.of("rack1"))))
                .containsExactly("a");
        assertThat(select("union", filter("union", List.of(), List.of("x"), Map.of(), List.of("rack1"))))
                .containsExactly("a", "b", "c");
        assertThat(select(
                        "intersection",
                        filter("union", List.of(), List.of("y"), Map.of(), List.of()),
                        filter("union", List.of(), List.of(), Map.of(), List.of("rack1"))))
                .containsExactly("b");
    }

    @Test
    void noFiltersSelectEveryNodeInDesignOrderWithoutDuplicates() {
        assertThat(NodeFilters.select(null, nodes, Map.of()))
                .extracting(EffectiveNode::name)
                .containsExactly("a", "b", "c");
        assertThat(select("union", filter("union", List.of("c", "a"), List.of("x"), Map.of(), List.of())))
                .containsExactly("a", "c");
    }

    @Test
    void unknownNamesTagsAndRacksAreNamed() {
        NodeFilterSet set = new NodeFilterSet(
                "union",
                List.of(filter(
                        "union", List.of("a", "nosuch"), List.of("x", "z"), Map.of(), List.of("rack1", "rack9"))));
        assertThat(NodeFilters.unknownNames(set, nodes))
                .containsExactly("unknown node nosuch", "unknown node tag z", "unknown rack rack9");
    }

    @Test
    void knownNamesAndLabelFiltersAreNotReported() {
        NodeFilterSet set = new NodeFilterSet(
                "intersection",
                List.of(filter("intersection", List.of("a"), List.of("y"), Map.of("color", "red"), List.of("rack2"))));
        assertThat(NodeFilters.unknownNames(set, nodes)).isEmpty();
        assertThat(NodeFilters.unknownNames(null, nodes)).isEmpty();
    }

    /** Found by DesignFuzzTest: a node without a rack made rack filters throw a NullPointerException. */
    @Test
    void aNodeWithoutARackMatchesNoRackFilter() {
        List<EffectiveNode> rackless = new EffectiveCompiler()
                .compile(
                        new DesignLoader()
                                .parse(
                                        List.of(
                                                new SourceText(
                                                        "t.yaml",
                                                        TestDesigns.bytes(
                                                                TestDesigns.site(
                                                                        "---\nschema: drydock/BaremetalNode/v1\nmetadata: {name: loose}\ndata:\n"
                                                                                + "  host_profile: base\n  addressing: [{network: pxe, address: 10.0.0.21}]\n"))))))
                .nodes();
        NodeFilter byRack = new NodeFilter("union", List.of(), List.of(), Map.of(), List.of("rack1"), Map.of());
        NodeFilter byRackLabel =
                new NodeFilter("union", List.of(), List.of(), Map.of(), List.of(), Map.of("zone", "a"));
        assertThat(NodeFilters.select(new NodeFilterSet("union", List.of(byRack)), rackless, Map.of()))
                .isEmpty();
        assertThat(NodeFilters.select(new NodeFilterSet("union", List.of(byRackLabel)), rackless, Map.of()))
                .isEmpty();
    }
}
