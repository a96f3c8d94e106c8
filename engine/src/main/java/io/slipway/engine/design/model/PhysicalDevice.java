package io.slipway.engine.design.model;

import java.util.List;
import java.util.Map;

/**
 * A disk, named by OS device ({@code sda}) or hardware alias ({@code bootdisk}). It holds either
 * partitions or is wholly a physical volume of {@code volumeGroup}.
 */
public record PhysicalDevice(String name, String volumeGroup, Map<String, String> labels, List<Partition> partitions)
        implements Named {}
