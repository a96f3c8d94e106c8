package io.slipway.engine.bootaction;

import io.slipway.engine.TestDesigns;
import io.slipway.engine.design.model.BootAction;
import io.slipway.engine.design.model.BootAction.Asset;
import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** Designs and assets shared by the boot action tests. */
final class BootActionFixtures {
    private static SiteModels models;

    private BootActionFixtures() {}

    static synchronized SiteModels models() {
        if (models == null) {
            models = new SiteModels(TestDesigns.rules(), false);
        }
        return models;
    }

    static String labSite() {
        try {
            return Files.readString(TestDesigns.repoRoot().resolve("site-examples/lab-site.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A small site whose node {@code n1} has tags, labels and an SR-IOV interface. */
    static SiteModel smallSite() {
        String node = """
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: n1}
        data:
          host_profile: base
          oob: {type: manual}
          interfaces:
            eth0: {device_link: pxe, slaves: [eno1], networks: [pxe], sriov: {vf_count: 8, trustedmode: true}}
          addressing:
            - {network: pxe, address: 10.0.0.11}
          metadata:
            tags: [gpu, compute]
            owner_data: {role: compute}
        """;
        return models().compile(1, "test://small", TestDesigns.site(node));
    }

    static Asset file(String path, String data, String... pipeline) {
        return new Asset("file", path, null, data, null, List.of(), List.of(pipeline), 0644);
    }

    static Asset located(String path, String location, boolean templated) {
        return new Asset(
                "file", path, location, null, null, templated ? List.of("template") : List.of(), List.of(), 0600);
    }

    static BootAction action(String name, Asset... assets) {
        return new BootAction(null, name, true, List.of(assets), null);
    }

    static Map<String, Object> context(SiteModel site, String node) {
        return TemplateContext.of(
                site.design(),
                site.node(node),
                new TemplateContext.Action(
                        "a-1", "ab".repeat(32), "http://slipway/api/v1.0/bootactions/", "test://small"));
    }
}
