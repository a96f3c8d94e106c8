package io.slipway.engine.validation.facts;

import io.slipway.engine.design.DocRef;
import io.slipway.engine.net.Cidr;
import io.slipway.engine.net.Ip;

/** A network with its CIDR parsed; {@code cidr} is null when the text is not a valid block. */
public record Subnet(String name, DocRef doc, String text, Cidr cidr, boolean valid, boolean hostBitsSet) {

    public static Subnet of(String name, DocRef doc, String text) {
        Cidr c = Cidr.parse(text);
        return new Subnet(name, doc, text, c, c != null, c != null && c.hostBitsSet());
    }

    public boolean covers(Ip ip) {
        return cidr != null && cidr.contains(ip);
    }
}
