package io.slipway.drivers.maas.sim;

import java.util.concurrent.atomic.AtomicInteger;

/** Numeric ids shared by every simulated object, as MAAS's database would hand them out. */
final class SimIds {
    private final AtomicInteger next = new AtomicInteger(1);

    int next() {
        return next.getAndIncrement();
    }

    String systemId() {
        return "sim" + Integer.toString(1000 + next(), 36);
    }
}
