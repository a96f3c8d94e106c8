package io.slipway.engine.design.model;

import java.util.List;

/** An LVM volume group; {@code logicalVolumes} is {@code null} when the document gives none. */
public record VolumeGroup(String name, String vgUuid, List<LogicalVolume> logicalVolumes) implements Named {}
