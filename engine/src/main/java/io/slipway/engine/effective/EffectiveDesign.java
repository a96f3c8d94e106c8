package io.slipway.engine.effective;

import io.slipway.engine.design.Finding;
import io.slipway.engine.design.SiteDesign;
import io.slipway.engine.design.model.BootAction;
import io.slipway.engine.design.model.Network;
import io.slipway.engine.design.model.NetworkLink;
import java.util.List;

/**
 * The design as it will be applied: nodes compiled through their profiles, routes rendered, boot
 * action targets computed. Immutable; compiling the same {@link SiteDesign} twice gives equal results.
 *
 * @param findings everything found while reading and compiling (rule findings come later)
 * @param blocked true when documents were dropped or nodes could not be compiled; rules are not run
 */
public record EffectiveDesign(
        SiteDesign design,
        List<Network> networks,
        List<NetworkLink> links,
        List<EffectiveNode> nodes,
        List<BootAction> bootActions,
        List<Finding> findings,
        boolean blocked) {

    public EffectiveNode node(String name) {
        for (EffectiveNode n : nodes) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        return null;
    }
}
