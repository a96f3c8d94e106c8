package io.slipway.engine.design.model;

import java.util.List;
import java.util.Map;

/**
 * A host interface attached to a {@link NetworkLink}. {@code slaves} are device names or hardware
 * aliases; a bond has two or more.
 */
public record HostInterface(
        String name,
        String deviceLink,
        List<String> slaves,
        List<String> networks,
        Integer vfCount,
        Boolean trustedMode,
        Map<String, String> labels)
        implements Named {}
