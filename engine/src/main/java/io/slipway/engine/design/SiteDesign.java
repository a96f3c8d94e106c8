package io.slipway.engine.design;

import io.slipway.engine.design.model.BaremetalNode;
import io.slipway.engine.design.model.BootAction;
import io.slipway.engine.design.model.HardwareProfile;
import io.slipway.engine.design.model.HostProfile;
import io.slipway.engine.design.model.Network;
import io.slipway.engine.design.model.NetworkLink;
import io.slipway.engine.design.model.Rack;
import io.slipway.engine.design.model.Region;
import java.util.List;

/**
 * A design as written: the documents that bound cleanly, in input order, plus every finding from
 * reading them. {@link #blocked()} is true when a document had to be dropped, in which case rules
 * are not run (their results would be misleading).
 */
public record SiteDesign(
        List<Region> regions,
        List<Rack> racks,
        List<NetworkLink> links,
        List<Network> networks,
        List<HardwareProfile> hardwareProfiles,
        List<HostProfile> hostProfiles,
        List<BaremetalNode> nodes,
        List<BootAction> bootActions,
        List<Finding> findings,
        boolean blocked) {

    public SiteDesign {
        regions = List.copyOf(regions);
        racks = List.copyOf(racks);
        links = List.copyOf(links);
        networks = List.copyOf(networks);
        hardwareProfiles = List.copyOf(hardwareProfiles);
        hostProfiles = List.copyOf(hostProfiles);
        nodes = List.copyOf(nodes);
        bootActions = List.copyOf(bootActions);
        findings = List.copyOf(findings);
    }

    public int documentCount() {
        return regions.size()
                + racks.size()
                + links.size()
                + networks.size()
                + hardwareProfiles.size()
                + hostProfiles.size()
                + nodes.size()
                + bootActions.size();
    }
}
