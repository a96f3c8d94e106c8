package io.slipway.engine.effective;

import io.slipway.engine.design.DocRef;
import io.slipway.engine.design.Finding;
import io.slipway.engine.design.model.HardwareProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Resolves {@code hardwareprofile:cpuset.<name>} and {@code hardwareprofile:hugepages.<name>.size|count}
 * kernel-parameter values against the node's hardware profile. An unresolvable reference is an
 * error (Drydock silently leaves it verbatim and the node boots with a bogus parameter).
 */
final class KernelParams {
    static final String PREFIX = "hardwareprofile:";

    private KernelParams() {}

    static Map<String, String> resolve(
            Map<String, String> params, HardwareProfile hw, DocRef node, Consumer<Finding> errors) {
        if (params.values().stream().noneMatch(v -> v != null && v.startsWith(PREFIX))) {
            return params;
        }
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            if (value == null || !value.startsWith(PREFIX)) {
                out.put(key, value);
                return;
            }
            String resolved = lookup(value.substring(PREFIX.length()), hw);
            if (resolved == null) {
                errors.accept(Finding.error(
                        "SW3004",
                        "PROFILE-004",
                        "Hardware Profile Reference",
                        "kernel parameter " + key + "=" + value + " on " + node.name()
                                + " does not resolve in hardware profile " + (hw == null ? "(none)" : hw.name()),
                        "Define the referenced cpu_set or hugepages entry in the node's HardwareProfile.",
                        node));
                out.put(key, value);
            } else {
                out.put(key, resolved);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String lookup(String ref, HardwareProfile hw) {
        if (hw == null) {
            return null;
        }
        String[] parts = ref.split("\\.");
        if (parts.length == 2 && parts[0].equals("cpuset")) {
            return hw.cpuSets().get(parts[1]);
        }
        if (parts.length == 3 && parts[0].equals("hugepages")) {
            HardwareProfile.Hugepages h = hw.hugepages().get(parts[1]);
            if (h == null) {
                return null;
            }
            return switch (parts[2]) {
                case "size" -> h.size();
                case "count" -> h.count() == null ? null : String.valueOf(h.count());
                default -> null;
            };
        }
        return null;
    }

    /** Renders parameters as a kernel command line: hugepage settings first, bare flags for {@code true}. */
    static String commandLine(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (String first : List.of("hugepagesz", "hugepages")) {
            if (params.containsKey(first)) {
                sb.append(first).append('=').append(params.get(first)).append(' ');
            }
        }
        params.forEach((k, v) -> {
            if (!k.equals("hugepagesz") && !k.equals("hugepages")) {
                sb.append("true".equalsIgnoreCase(v) ? k : k + "=" + v).append(' ');
            }
        });
        return sb.toString().trim();
    }
}
