package io.slipway.engine.validation;

import io.slipway.engine.design.model.BootAction;
import io.slipway.engine.validation.facts.BootAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Boot-action asset facts. */
final class BootAssets {
    private BootAssets() {}

    static void of(BootAction b, Consumer<Object> out) {
        for (int i = 0; i < b.assets().size(); i++) {
            BootAction.Asset a = b.assets().get(i);
            List<String> bad = new ArrayList<>();
            if (a.packages() != null) {
                a.packages().values().stream()
                        .filter(v -> !Checks.validPackageVersion(v))
                        .forEach(bad::add);
            }
            out.accept(new BootAsset(
                    b.name(),
                    b.doc(),
                    i,
                    a.type(),
                    a.path(),
                    a.location(),
                    a.packages() != null && !a.packages().isEmpty(),
                    bad));
        }
    }
}
