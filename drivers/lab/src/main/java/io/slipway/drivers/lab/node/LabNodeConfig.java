package io.slipway.drivers.lab.node;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settings of the lab bootstrapper. Durations are simulated with timers; zero makes a step complete
 * at once (scale tests).
 *
 * @param commissionMs how long commissioning takes
 * @param deployMs how long deployment takes
 * @param releaseMs how long a release takes, plus {@code eraseMs} when disks are erased
 * @param stepTimeoutMs the bound after which a step that does not end fails with {@code TIMEOUT}
 * @param requirePower commissioning and deployment are refused while the node's attached lab
 *     chassis is off (nodes without an attached chassis are not checked)
 * @param images the catalog reported by {@code verifySite}: image → kernels
 * @param adoptUnknown a machine this simulator never identified is taken to be where the request
 *     needs it (as a bootstrapper shared by several provisioner instances would have it) instead of
 *     being refused; each process has its own simulator, so a new leader needs this to carry on
 */
public record LabNodeConfig(
        long commissionMs,
        long deployMs,
        long releaseMs,
        long eraseMs,
        long stepTimeoutMs,
        boolean requirePower,
        Map<String, Set<String>> images,
        boolean adoptUnknown) {

    public static final Map<String, Set<String>> DEFAULT_IMAGES = Map.of(
            "jammy", Set.of("ga-22.04", "hwe-22.04"),
            "focal", Set.of("ga-20.04", "hwe-20.04"));

    public LabNodeConfig {
        images = Map.copyOf(images);
    }

    /** Small but non-zero durations (demo), a 60 s step bound, no power check. */
    public static LabNodeConfig defaults() {
        return new LabNodeConfig(20, 50, 20, 20, 60_000, false, DEFAULT_IMAGES, false);
    }

    /** Every step completes at once (scale tests). */
    public static LabNodeConfig instant() {
        return latency(0);
    }

    /** Every timed step takes {@code ms}. */
    public static LabNodeConfig latency(long ms) {
        return new LabNodeConfig(ms, ms, ms, ms, 60_000, false, DEFAULT_IMAGES, false);
    }

    public LabNodeConfig withDeployMs(long ms) {
        return new LabNodeConfig(
                commissionMs, ms, releaseMs, eraseMs, stepTimeoutMs, requirePower, images, adoptUnknown);
    }

    public LabNodeConfig withStepTimeoutMs(long ms) {
        return new LabNodeConfig(commissionMs, deployMs, releaseMs, eraseMs, ms, requirePower, images, adoptUnknown);
    }

    public LabNodeConfig withRequirePower(boolean require) {
        return new LabNodeConfig(
                commissionMs, deployMs, releaseMs, eraseMs, stepTimeoutMs, require, images, adoptUnknown);
    }

    /** Reads the {@code drivers.node.lab} keys; missing keys keep {@link #defaults()}. */
    public static LabNodeConfig fromJson(JsonObject json) {
        LabNodeConfig d = defaults();
        return new LabNodeConfig(
                json.getLong("commissionMs", d.commissionMs()),
                json.getLong("deployMs", d.deployMs()),
                json.getLong("releaseMs", d.releaseMs()),
                json.getLong("eraseMs", d.eraseMs()),
                json.getLong("stepTimeoutMs", d.stepTimeoutMs()),
                json.getBoolean("requirePower", d.requirePower()),
                images(json.getJsonObject("images"), d.images()),
                json.getBoolean("adoptUnknown", d.adoptUnknown()));
    }

    private static Map<String, Set<String>> images(JsonObject json, Map<String, Set<String>> fallback) {
        if (json == null) {
            return fallback;
        }
        Map<String, Set<String>> images = new TreeMap<>();
        json.forEach(e -> images.put(
                e.getKey(),
                Set.copyOf(json.getJsonArray(e.getKey()).getList().stream()
                        .map(String::valueOf)
                        .toList())));
        return images;
    }
}
