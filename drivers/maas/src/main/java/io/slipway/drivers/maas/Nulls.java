package io.slipway.drivers.maas;

import java.util.List;

/** The spec records allow absent lists; the driver treats them as empty. */
final class Nulls {
    private Nulls() {}

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
