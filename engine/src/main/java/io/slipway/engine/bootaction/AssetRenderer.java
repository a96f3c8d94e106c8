package io.slipway.engine.bootaction;

import io.slipway.engine.bootaction.Pipeline.SegmentException;
import io.slipway.engine.bootaction.Template.TemplateException;
import io.slipway.engine.design.model.BootAction;
import io.slipway.engine.design.model.BootAction.Asset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders one asset of a boot action for one node.
 *
 * <p>{@code unit} and {@code file} assets: the data starts as the UTF-8 bytes of {@code data}, or is
 * fetched from {@code location} (whose URL is first rendered when {@code location_pipeline} is
 * {@code [template]}); then the {@code data_pipeline} segments run in order. {@code pkg_list} assets
 * render to their package list, one {@code name=version} or {@code name} per line, in design order.
 *
 * <p>Blocking (a location may be fetched): call from a worker thread. Thread-safe and stateless per
 * call, so concurrent renders for different nodes never share results. Every failure is a {@link
 * BootActionProblem} of kind {@code UNPROCESSABLE} naming the boot action, the asset path and the
 * cause (the undefined variable, the bad segment, the unreachable URL).
 */
public final class AssetRenderer {
    private final BootActionConfig config;
    private final AssetLocations locations;

    private AssetRenderer(BootActionConfig config) {
        this.config = config;
        this.locations = new AssetLocations(config);
    }

    public static AssetRenderer create(BootActionConfig config) {
        return new AssetRenderer(config);
    }

    /** The rendered bytes of {@code asset} of {@code action}, given the template {@code context}. */
    public byte[] render(BootAction action, Asset asset, Map<String, Object> context) {
        String where = asset.path() == null ? "(" + asset.type() + ")" : asset.path();
        try {
            byte[] out = "pkg_list".equals(asset.type())
                    ? packageList(asset).getBytes(StandardCharsets.UTF_8)
                    : Pipeline.run(
                            source(asset, context), asset.dataPipeline(), text -> Template.render(text, context));
            if (out.length > config.maxAssetBytes()) {
                throw new SegmentException("rendered asset is larger than " + config.maxAssetBytes() + " bytes");
            }
            return out;
        } catch (TemplateException | SegmentException e) {
            throw BootActionProblem.asset(action.name(), where, e.getMessage());
        }
    }

    /** The packages of a {@code pkg_list} asset: {@code name=version} or {@code name}, one per line. */
    public static String packageList(Asset asset) {
        StringBuilder out = new StringBuilder();
        for (String line : packages(asset)) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The same packages as a list of {@code name=version} or {@code name} strings. */
    public static List<String> packages(Asset asset) {
        List<String> out = new ArrayList<>();
        if (asset.packages() != null) {
            asset.packages()
                    .forEach((name, version) ->
                            out.add(version == null || version.isBlank() ? name : name + "=" + version));
        }
        return List.copyOf(out);
    }

    private byte[] source(Asset asset, Map<String, Object> context) {
        if (asset.location() == null || asset.location().isBlank()) {
            return asset.data() == null ? new byte[0] : asset.data().getBytes(StandardCharsets.UTF_8);
        }
        String url = asset.location();
        if (asset.locationPipeline() != null && asset.locationPipeline().contains("template")) {
            url = Template.render(url, context);
        }
        return locations.fetch(url);
    }
}
