package io.slipway.engine.design;

import io.slipway.engine.design.model.BaremetalNode;
import io.slipway.engine.design.model.BootAction;
import io.slipway.engine.design.model.HardwareProfile;
import io.slipway.engine.design.model.HostProfile;
import io.slipway.engine.design.model.Network;
import io.slipway.engine.design.model.NetworkLink;
import io.slipway.engine.design.model.Rack;
import io.slipway.engine.design.model.Region;
import java.util.ArrayList;
import java.util.List;

/** Collects bound documents and findings while a design is read. Not thread-safe. */
final class SiteDesignBuilder {
    final List<Region> regions = new ArrayList<>();
    final List<Rack> racks = new ArrayList<>();
    final List<NetworkLink> links = new ArrayList<>();
    final List<Network> networks = new ArrayList<>();
    final List<HardwareProfile> hardwareProfiles = new ArrayList<>();
    final List<HostProfile> hostProfiles = new ArrayList<>();
    final List<BaremetalNode> nodes = new ArrayList<>();
    final List<BootAction> bootActions = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    boolean blocked;

    void add(Object document) {
        if (document instanceof Region r) {
            regions.add(r);
        } else if (document instanceof Rack r) {
            racks.add(r);
        } else if (document instanceof NetworkLink l) {
            links.add(l);
        } else if (document instanceof Network n) {
            networks.add(n);
        } else if (document instanceof HardwareProfile h) {
            hardwareProfiles.add(h);
        } else if (document instanceof HostProfile h) {
            hostProfiles.add(h);
        } else if (document instanceof BaremetalNode n) {
            nodes.add(n);
        } else if (document instanceof BootAction b) {
            bootActions.add(b);
        } else {
            throw new IllegalArgumentException("not a design document: " + document);
        }
    }

    void block(Finding finding) {
        findings.add(finding);
        blocked = true;
    }

    /** Appends everything {@code other} collected, keeping order. */
    void addAll(SiteDesignBuilder other) {
        regions.addAll(other.regions);
        racks.addAll(other.racks);
        links.addAll(other.links);
        networks.addAll(other.networks);
        hardwareProfiles.addAll(other.hardwareProfiles);
        hostProfiles.addAll(other.hostProfiles);
        nodes.addAll(other.nodes);
        bootActions.addAll(other.bootActions);
        findings.addAll(other.findings);
        blocked |= other.blocked;
    }

    SiteDesign build() {
        return new SiteDesign(
                regions, racks, links, networks, hardwareProfiles, hostProfiles, nodes, bootActions, findings, blocked);
    }
}
