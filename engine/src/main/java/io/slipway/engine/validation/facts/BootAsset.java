package io.slipway.engine.validation.facts;

import io.slipway.engine.design.DocRef;
import java.util.List;

/** One asset of a boot action; {@code badVersions} lists pkg_list versions that are not valid. */
public record BootAsset(
        String action,
        DocRef doc,
        int index,
        String type,
        String path,
        String location,
        boolean hasPackages,
        List<String> badVersions) {}
