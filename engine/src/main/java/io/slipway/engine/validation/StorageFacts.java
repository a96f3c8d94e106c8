package io.slipway.engine.validation;

import io.slipway.engine.design.model.LogicalVolume;
import io.slipway.engine.design.model.Partition;
import io.slipway.engine.design.model.PhysicalDevice;
import io.slipway.engine.design.model.Storage;
import io.slipway.engine.design.model.VolumeGroup;
import io.slipway.engine.effective.EffectiveNode;
import io.slipway.engine.validation.facts.StorageContainer;
import io.slipway.engine.validation.facts.StorageLayout;
import io.slipway.engine.validation.facts.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Storage facts of one layout. Each volume group is emitted once however many devices back it, so a
 * VG spanning two disks cannot look like a duplicate mountpoint.
 */
final class StorageFacts {
    private StorageFacts() {}

    static void of(int layout, Storage s, List<EffectiveNode> nodes, Consumer<Object> out) {
        out.accept(new StorageLayout(layout, nodes));
        int index = 0;
        for (PhysicalDevice dev : s.devices()) {
            List<Partition> parts = dev.partitions() == null ? List.of() : dev.partitions();
            double pct = 0;
            int abs = 0;
            for (Partition p : parts) {
                Volume v = Volume.of(
                        layout,
                        nodes,
                        index++,
                        "partition",
                        dev.name(),
                        p.name(),
                        p.size(),
                        p.filesystem(),
                        p.volumeGroup());
                out.accept(v);
                pct += v.percent();
                abs += v.bytes() >= 0 ? 1 : 0;
            }
            out.accept(new StorageContainer(
                    layout, nodes, "device", dev.name(), dev.volumeGroup(), parts.size(), pct, abs, true));
        }
        List<String> backed = backedGroups(s);
        for (VolumeGroup vg : s.volumeGroups()) {
            List<LogicalVolume> lvs = vg.logicalVolumes() == null ? List.of() : vg.logicalVolumes();
            double pct = 0;
            int abs = 0;
            for (LogicalVolume lv : lvs) {
                Volume v =
                        Volume.of(layout, nodes, index++, "lv", vg.name(), lv.name(), lv.size(), lv.filesystem(), null);
                out.accept(v);
                pct += v.percent();
                abs += v.bytes() >= 0 ? 1 : 0;
            }
            out.accept(new StorageContainer(
                    layout, nodes, "vg", vg.name(), null, lvs.size(), pct, abs, backed.contains(vg.name())));
        }
    }

    /** Names of the volume groups some device or partition of {@code s} backs. */
    private static List<String> backedGroups(Storage s) {
        List<String> out = new ArrayList<>();
        for (PhysicalDevice dev : s.devices()) {
            if (dev.volumeGroup() != null) {
                out.add(dev.volumeGroup());
            }
            if (dev.partitions() != null) {
                dev.partitions().stream().filter(p -> p.volumeGroup() != null).forEach(p -> out.add(p.volumeGroup()));
            }
        }
        return out;
    }
}
