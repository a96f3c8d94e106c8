package io.slipway.engine.validation.facts;

import io.slipway.engine.design.DocRef;
import java.util.Locale;

/** A node's {@code boot_mac}, lower-cased so that equal MACs join whatever their spelling. */
public record BootMac(String node, DocRef doc, String mac) {
    public static BootMac of(String node, DocRef doc, String mac) {
        return new BootMac(node, doc, mac.trim().toLowerCase(Locale.ROOT).replace('-', ':'));
    }
}
