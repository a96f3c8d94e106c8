package io.slipway.engine.site;

import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.engine.design.model.Filesystem;
import io.slipway.engine.design.model.HostInterface;
import io.slipway.engine.design.model.Network;
import io.slipway.engine.design.model.NetworkLink;
import io.slipway.engine.effective.EffectiveDesign;
import io.slipway.engine.effective.EffectiveNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Translates an effective node into the bootstrapper's vocabulary ({@link NodeSpec}). */
final class NodeSpecs {
  private NodeSpecs() {}

  static NodeSpec of(EffectiveNode n, EffectiveDesign d, Map<String, Network> networks, Map<String, NetworkLink> links) {
    List<NodeSpec.Nic> nics = new ArrayList<>();
    for (HostInterface i : n.interfaces()) {
      NetworkLink link = links.get(i.deviceLink());
      List<NodeSpec.Attachment> attachments = new ArrayList<>();
      for (String net : i.networks() == null ? List.<String>of() : i.networks()) {
        Network nw = networks.get(net);
        attachments.add(new NodeSpec.Attachment(net, nw == null ? null : nw.vlan(), nw == null ? null : nw.cidr(),
            n.addressOn(net), nw == null ? null : gateway(nw), nw == null || nw.mtu() == null ? 1500 : nw.mtu(),
            net.equals(n.spec().primaryNetwork())));
      }
      String bond = link == null || !link.bonding().enabled() ? null : link.bonding().mode();
      nics.add(new NodeSpec.Nic(i.name(), i.slaves() == null ? List.of() : i.slaves(), bond, Map.of(),
          link == null ? 1500 : link.mtu(), attachments));
    }
    return new NodeSpec(n.name(), n.domain(), n.bootMac(), n.oobType(), oobAddress(n), n.oobParameters(), n.rack(),
        nics, storage(n), new NodeSpec.Platform(n.image(), n.kernel(),
            io.slipway.engine.effective.EffectiveDocuments.commandLine(n)), n.tags(), n.ownerData());
  }

  static String oobAddress(EffectiveNode n) {
    return n.oobAddress();
  }

  private static String gateway(Network n) {
    return n.routes().stream().filter(r -> "0.0.0.0/0".equals(r.subnet())).map(Network.Route::gateway).findFirst().orElse(null);
  }

  private static NodeSpec.Storage storage(EffectiveNode n) {
    List<NodeSpec.Disk> disks = n.storage().devices().stream().map(dev -> new NodeSpec.Disk(dev.name(), dev.volumeGroup(),
        dev.partitions() == null ? List.of() : dev.partitions().stream().map(p -> new NodeSpec.Partition(p.name(), p.size(),
            Boolean.TRUE.equals(p.bootable()), p.volumeGroup(), fs(p.filesystem()))).toList())).toList();
    List<NodeSpec.VolumeGroup> vgs = n.storage().volumeGroups().stream().map(vg -> new NodeSpec.VolumeGroup(vg.name(),
        vg.logicalVolumes() == null ? List.of() : vg.logicalVolumes().stream()
            .map(lv -> new NodeSpec.LogicalVolume(lv.name(), lv.size(), fs(lv.filesystem()))).toList())).toList();
    return new NodeSpec.Storage(disks, vgs);
  }

  private static NodeSpec.Filesystem fs(Filesystem f) {
    return f == null ? null : new NodeSpec.Filesystem(f.mountpoint(), f.fstype(), f.mountOptions());
  }
}
