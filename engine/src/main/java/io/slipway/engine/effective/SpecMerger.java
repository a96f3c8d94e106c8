package io.slipway.engine.effective;

import io.slipway.engine.design.model.Filesystem;
import io.slipway.engine.design.model.HostInterface;
import io.slipway.engine.design.model.HostSpec;
import io.slipway.engine.design.model.LogicalVolume;
import io.slipway.engine.design.model.Partition;
import io.slipway.engine.design.model.PhysicalDevice;
import io.slipway.engine.design.model.Storage;
import io.slipway.engine.design.model.VolumeGroup;
import java.util.List;

/**
 * Applies a child {@link HostSpec} on top of an effective parent. Unlike Drydock, every unmatched
 * parent disk, partition, VG, LV and interface attribute survives, and a child may add storage
 * under a parent that has none.
 */
final class SpecMerger {
    private SpecMerger() {}

    static HostSpec merge(HostSpec p, HostSpec c) {
        return new HostSpec(
                null,
                Merge.scalar(p.hardwareProfile(), c.hardwareProfile()),
                Merge.scalar(p.primaryNetwork(), c.primaryNetwork()),
                Merge.scalar(p.oobType(), c.oobType()),
                Merge.dict(p.oobParameters(), c.oobParameters()),
                storage(p.storage(), c.storage()),
                Merge.named(p.interfaces(), c.interfaces(), SpecMerger::iface),
                Merge.scalar(p.image(), c.image()),
                Merge.scalar(p.kernel(), c.kernel()),
                Merge.dict(p.kernelParams(), c.kernelParams()),
                Merge.strings(p.tags(), c.tags()),
                Merge.dict(p.ownerData(), c.ownerData()),
                Merge.scalar(p.rack(), c.rack()));
    }

    private static Storage storage(Storage p, Storage c) {
        if (c == null) {
            return p;
        }
        List<PhysicalDevice> parentDevs = p == null ? null : p.devices();
        List<VolumeGroup> parentVgs = p == null ? null : p.volumeGroups();
        List<PhysicalDevice> devs = Merge.named(parentDevs, c.devices(), SpecMerger::device);
        List<VolumeGroup> vgs = Merge.named(parentVgs, c.volumeGroups(), SpecMerger::volumeGroup);
        return new Storage(devs == null ? List.of() : devs, vgs == null ? List.of() : vgs);
    }

    private static PhysicalDevice device(PhysicalDevice p, PhysicalDevice c) {
        if (p == null) {
            return new PhysicalDevice(
                    c.name(),
                    Merge.scalar(null, c.volumeGroup()),
                    Merge.dict(null, c.labels()),
                    Merge.named(null, c.partitions(), SpecMerger::partition));
        }
        return new PhysicalDevice(
                p.name(),
                Merge.scalar(p.volumeGroup(), c.volumeGroup()),
                Merge.dict(p.labels(), c.labels()),
                Merge.named(p.partitions(), c.partitions(), SpecMerger::partition));
    }

    private static Partition partition(Partition p, Partition c) {
        if (p == null) {
            return c;
        }
        return new Partition(
                p.name(),
                Merge.scalar(p.size(), c.size()),
                Merge.scalar(p.partUuid(), c.partUuid()),
                Merge.scalar(p.volumeGroup(), c.volumeGroup()),
                Merge.dict(p.labels(), c.labels()),
                Merge.value(p.bootable(), c.bootable()),
                filesystem(p.filesystem(), c.filesystem()));
    }

    private static VolumeGroup volumeGroup(VolumeGroup p, VolumeGroup c) {
        if (p == null) {
            return new VolumeGroup(c.name(), c.vgUuid(), Merge.named(null, c.logicalVolumes(), SpecMerger::volume));
        }
        return new VolumeGroup(
                p.name(),
                Merge.scalar(p.vgUuid(), c.vgUuid()),
                Merge.named(p.logicalVolumes(), c.logicalVolumes(), SpecMerger::volume));
    }

    private static LogicalVolume volume(LogicalVolume p, LogicalVolume c) {
        if (p == null) {
            return c;
        }
        return new LogicalVolume(
                p.name(),
                Merge.scalar(p.lvUuid(), c.lvUuid()),
                Merge.scalar(p.size(), c.size()),
                filesystem(p.filesystem(), c.filesystem()));
    }

    private static Filesystem filesystem(Filesystem p, Filesystem c) {
        return c != null ? c : p;
    }

    private static HostInterface iface(HostInterface p, HostInterface c) {
        if (p == null) {
            return new HostInterface(
                    c.name(),
                    c.deviceLink(),
                    Merge.strings(null, c.slaves()),
                    Merge.strings(null, c.networks()),
                    c.vfCount(),
                    c.trustedMode(),
                    Merge.dict(null, c.labels()));
        }
        // SR-IOV settings are kept when a child overrides only part of the interface.
        return new HostInterface(
                p.name(),
                Merge.scalar(p.deviceLink(), c.deviceLink()),
                Merge.strings(p.slaves(), c.slaves()),
                Merge.strings(p.networks(), c.networks()),
                Merge.value(p.vfCount(), c.vfCount()),
                Merge.value(p.trustedMode(), c.trustedMode()),
                Merge.dict(p.labels(), c.labels()));
    }
}
