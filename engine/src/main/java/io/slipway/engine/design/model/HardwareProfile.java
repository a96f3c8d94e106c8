package io.slipway.engine.design.model;

import io.slipway.engine.design.DocRef;
import java.util.List;
import java.util.Map;

/** {@code drydock/HardwareProfile/v1}: device aliases, CPU sets and hugepage pools of a server model. */
public record HardwareProfile(
        DocRef doc,
        String name,
        String vendor,
        String generation,
        String hwVersion,
        String biosVersion,
        String bootMode,
        String bootstrapProtocol,
        String pxeInterface,
        List<DeviceAlias> deviceAliases,
        Map<String, String> cpuSets,
        Map<String, Hugepages> hugepages) {

    public record DeviceAlias(String alias, String address, String busType, String devType) {}

    public record Hugepages(String size, Long count) {}
}
