package io.slipway.engine.validation.facts;

import io.slipway.engine.effective.EffectiveNode;
import java.util.List;

/**
 * A physical device ({@code kind == "device"}) or volume group ({@code kind == "vg"}) of a storage
 * layout, with the figures the sizing and assignment rules need. {@code nodes} use the layout.
 *
 * @param members partitions of a device, logical volumes of a VG
 * @param percentSum sum of the members' percentage sizes
 * @param absoluteMembers members with an absolute size
 * @param backed for a VG: some device or partition is a physical volume of it
 */
public record StorageContainer(
        int layout,
        List<EffectiveNode> nodes,
        String kind,
        String name,
        String volumeGroup,
        int members,
        double percentSum,
        int absoluteMembers,
        boolean backed) {}
