package io.slipway.engine.bootaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.bootaction.Template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template language: lookups, the default filter, printing, and every way it refuses. */
class BootActionTemplateTest {
    private final Map<String, Object> ctx = context();

    private static Map<String, Object> context() {
        Map<String, Object> eth0 = new LinkedHashMap<>();
        eth0.put("sriov", true);
        eth0.put("vf_count", 8);
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("hostname", "cmp01");
        node.put("tags", List.of("compute", "gpu"));
        node.put("labels", Map.of("role", "compute"));
        node.put("network", Map.of("oob-net", Map.of("ip", "10.0.0.5")));
        node.put("interfaces", Map.of("eth0", eth0));
        return Map.of("node", node);
    }

    @Test
    void looksUpDottedPathsWithOrWithoutSpaces() {
        assertThat(Template.render("{{node.hostname}}/{{ node.hostname }}/{{   node . hostname }}", ctx))
                .isEqualTo("cmp01/cmp01/cmp01");
    }

    @Test
    void indexesListsAndMapsByDotOrBrackets() {
        assertThat(Template.render("{{ node.tags.1 }} {{ node.tags[0] }} {{ node['labels'][\"role\"] }}", ctx))
                .isEqualTo("gpu compute compute");
        assertThat(Template.render("{{ node.network.oob-net.ip }}", ctx)).isEqualTo("10.0.0.5");
    }

    @Test
    void printsScalarsListsMapsAndBooleansLikeDrydockTemplates() {
        assertThat(Template.render("{{ node.interfaces.eth0.vf_count }} {{ node.interfaces.eth0.sriov }}", ctx))
                .isEqualTo("8 True");
        assertThat(Template.render("{{ node.tags }} {{ node.labels }}", ctx))
                .isEqualTo("['compute', 'gpu'] {'role': 'compute'}");
    }

    @Test
    void defaultFilterCoversUndefinedValuesOnly() {
        assertThat(Template.render("{{ node.domain | default('local') }}", ctx)).isEqualTo("local");
        assertThat(Template.render("{{ node.hostname|default(\"x\") }}", ctx)).isEqualTo("cmp01");
        assertThat(Template.render("[{{ node.nope | default }}]", ctx)).isEqualTo("[]");
    }

    @Test
    void leavesTextWithoutTagsAlone() {
        assertThat(Template.render("a { b } c }} {", ctx)).isEqualTo("a { b } c }} {");
    }

    @Test
    void undefinedVariablesAreErrorsNamingTheVariable() {
        assertThatThrownBy(() -> Template.render("x {{ node.network.storage.ip }}", ctx))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("node.network.storage.ip");
        assertThatThrownBy(() -> Template.render("{{ node.tags.7 }}", ctx)).hasMessageContaining("node.tags.7");
        assertThatThrownBy(() -> Template.render("{{ node.hostname.more }}", ctx))
                .hasMessageContaining("undefined");
    }

    @Test
    void malformedTemplatesAreErrors() {
        assertThatThrownBy(() -> Template.render("{{ node.hostname", ctx)).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> Template.render("{{ }}", ctx)).hasMessageContaining("expected a name");
        assertThatThrownBy(() -> Template.render("{{ node.hostname | upper }}", ctx))
                .hasMessageContaining("unknown filter");
        assertThatThrownBy(() -> Template.render("{{ node.hostname + 1 }}", ctx))
                .hasMessageContaining("unexpected '+'");
        assertThatThrownBy(() -> Template.render("{{ node['x }}", ctx)).hasMessageContaining("unclosed string");
    }

    @Test
    void statementsAndCommentsAreRefusedNotCopied() {
        assertThatThrownBy(() -> Template.render("{% if x %}y{% endif %}", ctx)).hasMessageContaining("unsupported");
        assertThatThrownBy(() -> Template.render("{# note #}", ctx)).hasMessageContaining("unsupported");
    }
}
