package io.slipway.engine.validation.facts;

import io.slipway.engine.design.DocRef;
import io.slipway.engine.net.Ip;

/** One address range of a network, with both ends parsed (null when not an address). */
public record NetworkRange(
        String network, DocRef doc, int index, String type, String start, String end, Ip startIp, Ip endIp) {

    public boolean valid() {
        return startIp != null
                && endIp != null
                && startIp.version() == endIp.version()
                && startIp.compareTo(endIp) <= 0;
    }

    public boolean covers(Ip ip) {
        return valid()
                && ip != null
                && ip.version() == startIp.version()
                && ip.compareTo(startIp) >= 0
                && ip.compareTo(endIp) <= 0;
    }

    /** Whether this range shares an address with {@code first..last}. */
    public boolean intersects(Ip first, Ip last) {
        return valid()
                && first != null
                && last != null
                && startIp.version() == first.version()
                && startIp.compareTo(last) <= 0
                && first.compareTo(endIp) <= 0;
    }
}
