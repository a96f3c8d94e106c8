package io.slipway.engine.design.model;

import java.util.List;

/** {@code storage}: physical devices and volume groups. */
public record Storage(List<PhysicalDevice> devices, List<VolumeGroup> volumeGroups) {
    private static final Storage EMPTY = new Storage(List.of(), List.of());

    /** The shared empty storage (one instance, so nodes without storage share one layout). */
    public static Storage empty() {
        return EMPTY;
    }
}
