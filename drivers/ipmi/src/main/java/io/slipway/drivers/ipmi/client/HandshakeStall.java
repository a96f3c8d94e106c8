package io.slipway.drivers.ipmi.client;

import io.slipway.drivers.spi.DriverException;

/**
 * A session setup that timed out after the BMC answered Open Session; {@code step} names the
 * message left unanswered. Such a setup is worth starting once more (see {@link SessionOpener}).
 */
final class HandshakeStall extends DriverException {
    private final String step;

    private HandshakeStall(DriverException cause, String step) {
        super(Kind.TIMEOUT, true, cause.getMessage(), null, cause);
        this.step = step;
    }

    /** Marks a TIMEOUT at {@code step}; any other failure is returned as it is. */
    static Throwable wrap(Throwable err, String step) {
        if (err instanceof HandshakeStall
                || !(err instanceof DriverException de)
                || de.kind() != Kind.TIMEOUT
                || step == null) {
            return err;
        }
        return new HandshakeStall(de, step);
    }

    /** RAKP 1 unanswered: some BMCs ignore RAKP 1 for a user name they do not know. */
    boolean silentUser() {
        return "RAKP 1".equals(step);
    }
}
