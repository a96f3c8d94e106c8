package io.slipway.engine.design.model;

import io.slipway.engine.design.DocRef;
import java.util.List;
import java.util.Map;

/** {@code drydock/Rack/v1}. Nodes name their rack in {@code metadata.rack}. */
public record Rack(
        DocRef doc,
        String name,
        Map<String, TorSwitch> torSwitches,
        Map<String, String> location,
        List<String> localNetworks,
        Map<String, String> labels) {

    public record TorSwitch(String name, String mgmtIp, String sdnApiUri) {}
}
