package io.slipway.drivers.ipmi.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Settings of an {@link IpmiClient}.
 *
 * @param attemptTimeoutMs retransmission timeout before any latency has been observed (also the
 *     floor of the adaptive timeout when below {@code minRtoMs})
 * @param retries retransmissions after the first attempt; each waits twice as long as the one
 *     before, up to {@code maxRtoMs}
 * @param minRtoMs floor of the adaptive retransmission timeout (RFC 6298 style: smoothed RTT plus
 *     four deviations)
 * @param maxRtoMs ceiling of one retransmission wait
 * @param sessionIdleMs an unused session is closed after this long
 * @param maxInFlightPerBmc requests outstanding at once per BMC; more wait in a queue
 * @param window operations (session setup plus command) in flight at once per client at start;
 *     adapted between 8 and {@code maxWindow} from observed latency and timeouts
 * @param maxWindow ceiling of the adaptive window
 * @param targetLatencyMs answers slower than a BMC's fastest by more than this shrink the window
 * @param cipherSuites preference order when the suite is discovered ({@code auto})
 * @param discoveryTimeoutMs bound for the optional Get Channel Cipher Suites probe; 0 (default)
 *     skips it: Open Session's status already tells which preferred suite the BMC refuses, in one
 *     round trip instead of up to four, and some BMCs never answer the probe
 * @param privilege session privilege to request (4 = ADMINISTRATOR, 3 = OPERATOR)
 * @param receiveBufferBytes UDP receive buffer, sized for bursts of answers from many BMCs
 */
public record IpmiClientOptions(
        long attemptTimeoutMs,
        int retries,
        long minRtoMs,
        long maxRtoMs,
        long sessionIdleMs,
        int maxInFlightPerBmc,
        int window,
        int maxWindow,
        long targetLatencyMs,
        List<Integer> cipherSuites,
        long discoveryTimeoutMs,
        int privilege,
        int receiveBufferBytes) {

    public IpmiClientOptions {
        cipherSuites = List.copyOf(cipherSuites);
        if (attemptTimeoutMs <= 0
                || retries < 0
                || maxInFlightPerBmc < 1
                || minRtoMs <= 0
                || maxRtoMs < minRtoMs
                || window < 1
                || maxWindow < window) {
            throw new IllegalArgumentException(
                    "invalid IPMI client options: attemptTimeoutMs, minRtoMs, window and maxInFlightPerBmc"
                            + " must be positive, retries at least 0, maxRtoMs >= minRtoMs, maxWindow >= window");
        }
    }

    public static IpmiClientOptions defaults() {
        // 6 attempts waiting 1, 2, 4, 4, 4, 4 s before any latency is known: 19 s for a dead BMC; a
        // request survives 30 % loss each way (49 % per round trip) with probability 1 - 0.51^6 > 98 %,
        // and the session setup is retried once on top of that.
        return new IpmiClientOptions(1000, 5, 250, 4000, 20_000, 1, 64, 256, 250, List.of(17, 3), 0, 4, 4 << 20);
    }

    /** Reads the keys named like the record components; missing keys keep their defaults. */
    public static IpmiClientOptions fromJson(JsonObject json) {
        IpmiClientOptions d = defaults();
        JsonArray suites = json.getJsonArray("cipherSuites");
        long attempt = json.getLong("attemptTimeoutMs", d.attemptTimeoutMs);
        int window = json.getInteger("window", d.window);
        return new IpmiClientOptions(
                attempt,
                json.getInteger("retries", d.retries),
                json.getLong("minRtoMs", Math.min(d.minRtoMs, attempt)),
                json.getLong("maxRtoMs", Math.max(d.maxRtoMs, attempt)),
                json.getLong("sessionIdleMs", d.sessionIdleMs),
                json.getInteger("maxInFlightPerBmc", d.maxInFlightPerBmc),
                window,
                json.getInteger("maxWindow", Math.max(d.maxWindow, window)),
                json.getLong("targetLatencyMs", d.targetLatencyMs),
                suites == null
                        ? d.cipherSuites
                        : suites.stream().map(o -> ((Number) o).intValue()).toList(),
                json.getLong("discoveryTimeoutMs", d.discoveryTimeoutMs),
                json.getInteger("privilege", d.privilege),
                json.getInteger("receiveBufferBytes", d.receiveBufferBytes));
    }

    public IpmiClientOptions withTimeouts(long attemptMs, int retryCount) {
        return fromJson(toJson().put("attemptTimeoutMs", attemptMs)
                .put("retries", retryCount)
                .put("minRtoMs", Math.min(minRtoMs, attemptMs))
                .put("maxRtoMs", Math.max(maxRtoMs, attemptMs)));
    }

    public IpmiClientOptions withWindow(int initial, int max) {
        return fromJson(toJson().put("window", initial).put("maxWindow", max));
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("attemptTimeoutMs", attemptTimeoutMs)
                .put("retries", retries)
                .put("minRtoMs", minRtoMs)
                .put("maxRtoMs", maxRtoMs)
                .put("sessionIdleMs", sessionIdleMs)
                .put("maxInFlightPerBmc", maxInFlightPerBmc)
                .put("window", window)
                .put("maxWindow", maxWindow)
                .put("targetLatencyMs", targetLatencyMs)
                .put("cipherSuites", new JsonArray(cipherSuites))
                .put("discoveryTimeoutMs", discoveryTimeoutMs)
                .put("privilege", privilege)
                .put("receiveBufferBytes", receiveBufferBytes);
    }

    /**
     * The worst case for one idempotent request to a BMC whose latency is unknown: the first wait is
     * {@code attemptTimeoutMs}, each later one doubles up to {@code maxRtoMs}.
     */
    public long requestBoundMs() {
        long total = 0;
        long wait = attemptTimeoutMs;
        for (int i = 0; i <= retries; i++) {
            total += wait;
            wait = Math.min(wait * 2, Math.max(maxRtoMs, attemptTimeoutMs));
        }
        return total;
    }
}
