package io.slipway.drivers.ipmi.client;

/**
 * Round-trip estimate of one BMC (RFC 6298): smoothed RTT and its mean deviation give the
 * retransmission timeout; the fastest answer seen is the BMC's baseline, so a slow BMC is not
 * mistaken for a congested one. Confined to the client's context thread.
 *
 * <p>Samples are taken from the first transmission of a request even when the answer came after a
 * retransmission (the copies are identical and cannot be told apart): that can only overestimate,
 * which errs towards fewer duplicates.
 */
final class RttEstimator {

    private final long minRtoMs;
    private final long maxRtoMs;
    private double srtt = -1;
    private double rttvar;
    private long baseline = Long.MAX_VALUE;

    RttEstimator(long minRtoMs, long maxRtoMs) {
        this.minRtoMs = minRtoMs;
        this.maxRtoMs = maxRtoMs;
    }

    void sample(long rttMs) {
        long r = Math.max(1, rttMs);
        baseline = Math.min(baseline, r);
        if (srtt < 0) {
            srtt = r;
            rttvar = r / 2.0;
        } else {
            rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - r);
            srtt = 0.875 * srtt + 0.125 * r;
        }
    }

    boolean known() {
        return srtt >= 0;
    }

    /** The retransmission timeout, or {@code fallback} while nothing has been observed. */
    long rto(long fallback) {
        if (srtt < 0) {
            return fallback;
        }
        return Math.max(minRtoMs, Math.min(maxRtoMs, Math.round(srtt + 4 * rttvar)));
    }

    /**
     * How long a non-idempotent command waits before it is sent again: three timeouts, never less
     * than three times the smoothed RTT (a BMC that is merely slow answers first) and never less than
     * twice {@code fallback}: the latency is learned from reads and handshakes, while a command that
     * acts (a chassis-control program run, a boot-flag write) takes longer on a busy BMC.
     */
    long overdue(long fallback) {
        long rto = rto(fallback);
        long observed = srtt < 0 ? 3 * fallback : Math.round(3 * srtt);
        return Math.max(Math.max(3 * rto, observed), 2 * fallback);
    }

    long smoothedMs() {
        return srtt < 0 ? -1 : Math.round(srtt);
    }

    long baselineMs() {
        return baseline;
    }
}
