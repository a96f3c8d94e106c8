package io.slipway.engine.design.model;

import java.util.Map;

/**
 * A partition of a physical device. {@code volumeGroup} makes it a physical volume of that VG. A
 * name starting with {@code !} removes the inherited partition of that name.
 */
public record Partition(
        String name,
        String size,
        String partUuid,
        String volumeGroup,
        Map<String, String> labels,
        Boolean bootable,
        Filesystem filesystem)
        implements Named {}
