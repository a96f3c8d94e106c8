package io.slipway.drivers.ipmi.client;

import java.util.List;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Settings of an {@link IpmiClient}.
 *
 * @param attemptTimeoutMs how long to wait for one answer before retransmitting
 * @param retries retransmissions after the first attempt; a request fails with TIMEOUT after {@code
 *     attemptTimeoutMs * (retries + 1)}
 * @param sessionIdleMs an unused session is closed after this long
 * @param maxInFlightPerBmc requests outstanding at once per BMC; more wait in a queue
 * @param cipherSuites preference order when the suite is discovered ({@code auto})
 * @param discoveryTimeoutMs bound for the optional Get Channel Cipher Suites probe; 0 skips it
 * @param privilege session privilege to request (4 = ADMINISTRATOR, 3 = OPERATOR)
 * @param receiveBufferBytes UDP receive buffer, sized for bursts of answers from many BMCs
 */
public record IpmiClientOptions(
    long attemptTimeoutMs,
    int retries,
    long sessionIdleMs,
    int maxInFlightPerBmc,
    List<Integer> cipherSuites,
    long discoveryTimeoutMs,
    int privilege,
    int receiveBufferBytes) {

  public IpmiClientOptions {
    cipherSuites = List.copyOf(cipherSuites);
    if (attemptTimeoutMs <= 0 || retries < 0 || maxInFlightPerBmc < 1) {
      throw new IllegalArgumentException("invalid IPMI client options");
    }
  }

  public static IpmiClientOptions defaults() {
    // 8 attempts of 500 ms: the same 4 s bound as 4 attempts of 1 s, but a request survives 30 %
    // loss each way (49 % per round trip) with probability 1 - 0.51^8 > 99.5 %.
    return new IpmiClientOptions(500, 7, 20_000, 1, List.of(17, 3), 500, 4, 4 << 20);
  }

  /** Reads the keys named like the record components; missing keys keep their defaults. */
  public static IpmiClientOptions fromJson(JsonObject json) {
    IpmiClientOptions d = defaults();
    JsonArray suites = json.getJsonArray("cipherSuites");
    return new IpmiClientOptions(
        json.getLong("attemptTimeoutMs", d.attemptTimeoutMs),
        json.getInteger("retries", d.retries),
        json.getLong("sessionIdleMs", d.sessionIdleMs),
        json.getInteger("maxInFlightPerBmc", d.maxInFlightPerBmc),
        suites == null
            ? d.cipherSuites
            : suites.stream().map(o -> ((Number) o).intValue()).toList(),
        json.getLong("discoveryTimeoutMs", d.discoveryTimeoutMs),
        json.getInteger("privilege", d.privilege),
        json.getInteger("receiveBufferBytes", d.receiveBufferBytes));
  }

  public IpmiClientOptions withTimeouts(long attemptMs, int retryCount) {
    return new IpmiClientOptions(
        attemptMs,
        retryCount,
        sessionIdleMs,
        maxInFlightPerBmc,
        cipherSuites,
        discoveryTimeoutMs,
        privilege,
        receiveBufferBytes);
  }

  /** The worst case for one request to an unreachable BMC. */
  public long requestBoundMs() {
    return attemptTimeoutMs * (retries + 1);
  }
}
