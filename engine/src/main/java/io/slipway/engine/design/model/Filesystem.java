package io.slipway.engine.design.model;

/** A filesystem on a partition or logical volume; fstype defaults to ext4, options to "defaults". */
public record Filesystem(String mountpoint, String fstype, String mountOptions, String fsUuid, String fsLabel) {}
