package io.slipway.engine.design.model;

import io.slipway.engine.design.DocRef;
import java.util.List;
import java.util.Map;

/** {@code drydock/BootAction/v1}: files, units and packages delivered to nodes after deployment. */
public record BootAction(DocRef doc, String name, boolean signaling, List<Asset> assets, NodeFilterSet nodeFilter) {

    /**
     * One asset. {@code packages} is set for {@code pkg_list} assets (package → version or null);
     * {@code data} holds inline text otherwise.
     */
    public record Asset(
            String type,
            String path,
            String location,
            String data,
            Map<String, String> packages,
            List<String> locationPipeline,
            List<String> dataPipeline,
            int permissions) {}
}
