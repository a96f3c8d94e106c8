package io.slipway.engine.design.model;

/** A logical volume in a volume group. */
public record LogicalVolume(String name, String lvUuid, String size, Filesystem filesystem) implements Named {}
