package io.slipway.engine.site;

import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.SiteSpec;
import io.slipway.engine.design.Finding;
import io.slipway.engine.effective.EffectiveDesign;
import io.slipway.engine.effective.EffectiveNode;
import io.slipway.engine.lifecycle.NodeDesign;
import io.slipway.engine.validation.ValidationReport;
import java.util.List;
import java.util.Map;

/**
 * One design revision compiled for running tasks: the effective design, its validation report, and
 * per node the lifecycle facts, the bootstrapper's spec and the BMC target. Immutable; shared by
 * every task pinned to the revision.
 */
public record SiteModel(
        long revision,
        String site,
        EffectiveDesign design,
        ValidationReport report,
        Map<String, NodeDesign> nodeDesigns,
        Map<String, NodeSpec> nodeSpecs,
        Map<String, OobTarget> oobTargets,
        Map<String, PortPlans> ports,
        SiteSpec siteSpec) {

    public EffectiveNode node(String name) {
        return design.node(name);
    }

    public List<String> nodeNames() {
        return design.nodes().stream().map(EffectiveNode::name).toList();
    }

    /** Validation errors that name {@code node}'s document. */
    public List<Finding> errorsFor(String node) {
        return report.findings().stream()
                .filter(Finding::isError)
                .filter(f -> f.documents().stream()
                        .anyMatch(d -> d.name().equals(node) && d.kind().equals("BaremetalNode")))
                .toList();
    }
}
