package io.slipway.drivers.maas.api;

import io.vertx.core.MultiMap;

/** Builds form and query parameter maps; null values are left out, repeated names are kept. */
public final class Forms {
    private Forms() {}

    /** {@code Forms.of("name", "bond0", "parents", "3", "parents", "4")}. */
    public static MultiMap of(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected");
        }
        MultiMap map = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.add(pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
