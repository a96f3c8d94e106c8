package io.slipway.engine.design.model;

import java.util.List;
import java.util.Map;

/**
 * The fields a {@code HostProfile} and a {@code BaremetalNode} share. In a designed document
 * {@code null} means "inherit"; after compilation every inherited value is filled in and the
 * {@code !} markers are resolved.
 */
public record HostSpec(
        String parentProfile,
        String hardwareProfile,
        String primaryNetwork,
        String oobType,
        Map<String, String> oobParameters,
        Storage storage,
        List<HostInterface> interfaces,
        String image,
        String kernel,
        Map<String, String> kernelParams,
        List<String> tags,
        Map<String, String> ownerData,
        String rack) {

    public static HostSpec empty() {
        return new HostSpec(
                null, null, null, null, Map.of(), null, null, null, null, Map.of(), List.of(), Map.of(), null);
    }
}
