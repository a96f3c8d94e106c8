package io.slipway.drivers.ipmi.client;

import io.slipway.drivers.ipmi.rmcp.CipherSuite;
import io.slipway.drivers.ipmi.rmcp.LanMessage;
import io.slipway.drivers.ipmi.rmcp.RmcpPacket;
import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Future;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sessionless part of session setup: checks that the BMC speaks IPMI 2.0 and picks the cipher
 * suites to try, in order.
 *
 * <p>A configured suite is used as is. With {@code auto}, a suite that worked before for the same
 * BMC is reused; otherwise Get Channel Cipher Suites is asked in the IPMI 1.5 sessionless format
 * (some BMCs silently drop the RMCP+ form of it) within a short bound ({@code discoveryTimeoutMs};
 * 0 skips the question). Without an answer the configured preference list is tried in order and
 * Open Session's status tells which suites are refused.
 */
final class SuiteChooser {

    private static final int APP = 0x06;

    private final Transport transport;
    private final IpmiClientOptions options;
    private final Map<String, CipherSuite> learned;
    private int rqSeq;

    SuiteChooser(Transport transport, IpmiClientOptions options, Map<String, CipherSuite> learned) {
        this.transport = transport;
        this.options = options;
        this.learned = learned;
    }

    Future<Void> checkIpmi20(BmcKey bmc) {
        byte[] data = {(byte) 0x8E, (byte) options.privilege()};
        return sessionless(bmc, 0x38, data, -1, options.retries(), "Get Channel Authentication Capabilities")
                .compose(m -> {
                    if (m.completionCode() != 0 || m.data().length < 4) {
                        return Future.failedFuture(new DriverException(
                                DriverException.Kind.UNSUPPORTED,
                                false,
                                "BMC " + bmc + " does not report IPMI 2.0 capabilities",
                                m.completionCode(),
                                null));
                    }
                    boolean v20 = (m.data()[1] & 0x80) != 0 && (m.data()[3] & 0x02) != 0;
                    return v20
                            ? Future.succeededFuture()
                            : Future.failedFuture(
                                    DriverException.unsupported("BMC " + bmc + " does not support IPMI 2.0 / RMCP+"));
                });
    }

    Future<List<CipherSuite>> candidates(BmcKey bmc) {
        if (!"auto".equals(bmc.cipherSuite())) {
            int id = Integer.parseInt(bmc.cipherSuite());
            return CipherSuite.byId(id)
                    .map(s -> Future.succeededFuture(List.of(s)))
                    .orElseGet(() -> Future.failedFuture(
                            DriverException.unsupported("cipher suite " + id + " is not implemented")));
        }
        CipherSuite known = learned.get(bmc.endpoint());
        if (known != null) {
            return Future.succeededFuture(List.of(known));
        }
        List<CipherSuite> preferred = preferred();
        if (options.discoveryTimeoutMs() <= 0) {
            return Future.succeededFuture(preferred);
        }
        return offered(bmc, 0, new ByteArrayOutputStream())
                .map(ids -> {
                    List<CipherSuite> both =
                            preferred.stream().filter(s -> ids.contains(s.id())).toList();
                    return both.isEmpty() ? preferred : both;
                })
                .recover(silent -> Future.succeededFuture(preferred));
    }

    void learn(BmcKey bmc, CipherSuite suite) {
        if ("auto".equals(bmc.cipherSuite())) {
            learned.put(bmc.endpoint(), suite);
        }
    }

    private List<CipherSuite> preferred() {
        List<CipherSuite> out = new ArrayList<>();
        options.cipherSuites().forEach(id -> CipherSuite.byId(id).ifPresent(out::add));
        return out.isEmpty() ? List.of(CipherSuite.SUITE_3) : out;
    }

    /**
     * Reads the suite records 16 bytes at a time (at most 4 pages) and returns the standard suite
     * IDs.
     */
    private Future<List<Integer>> offered(BmcKey bmc, int page, ByteArrayOutputStream records) {
        byte[] data = {0x0E, 0x00, (byte) (0x80 | page)};
        return sessionless(bmc, 0x54, data, options.discoveryTimeoutMs(), 2, "Get Channel Cipher Suites")
                .compose(m -> {
                    if (m.completionCode() != 0 || m.data().length < 1) {
                        return Future.failedFuture("cipher suites not listed");
                    }
                    records.write(m.data(), 1, m.data().length - 1);
                    if (m.data().length - 1 == 16 && page < 3) {
                        return offered(bmc, page + 1, records);
                    }
                    return Future.succeededFuture(parseIds(records.toByteArray()));
                });
    }

    /**
     * Standard records start with 0xC0 followed by the suite ID; algorithm bytes never equal 0xC0.
     */
    static List<Integer> parseIds(byte[] records) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i + 1 < records.length; i++) {
            if ((records[i] & 0xFF) == 0xC0) {
                ids.add(records[i + 1] & 0xFF);
            }
        }
        return ids;
    }

    /** With {@code timeoutMs} below 0 the wait adapts and {@code n} is the retry count; else fixed. */
    private Future<LanMessage> sessionless(BmcKey bmc, int cmd, byte[] data, long timeoutMs, int n, String what) {
        rqSeq = (rqSeq + 1) & 0x3F;
        var packet =
                RmcpPacket.sessionless(LanMessage.request(APP, cmd, rqSeq, data).encode());
        String key = Transport.sessionlessKey(bmc.endpoint(), rqSeq);
        Future<Object> answer = timeoutMs < 0
                ? transport.exchange(bmc, key, packet, true, n, what)
                : transport.probe(bmc, key, packet, timeoutMs, n, what);
        return answer.map(o -> (LanMessage) o);
    }
}
