package io.slipway.engine.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Addresses a fetch must not reach unless an operator listed them. Pure; thread-safe. */
final class Addresses {
    private Addresses() {}

    /** Loopback, link-local (cloud metadata included), unspecified, multicast, IPv6 ULA metadata, CGNAT metadata. */
    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            // fd00:ec2::254 (AWS metadata over IPv6) and IPv4-mapped loopback/link-local.
            boolean awsMetadata = (b[0] & 0xff) == 0xfd
                    && b[1] == 0
                    && (b[2] & 0xff) == 0x0e
                    && (b[3] & 0xff) == 0xc2
                    && b[15] == (byte) 0x54
                    && b[14] == 0x02;
            boolean mapped = b[10] == (byte) 0xff
                    && b[11] == (byte) 0xff
                    && java.util.Arrays.equals(b, 0, 10, new byte[10], 0, 10);
            return awsMetadata || mapped && ((b[12] & 0xff) == 127 || (b[12] & 0xff) == 169 && (b[13] & 0xff) == 254);
        }
        // 100.100.100.200 answers metadata on some clouds; 0.0.0.0/8 reaches the local host.
        return (b[0] & 0xff) == 100 && (b[1] & 0xff) == 100 && (b[2] & 0xff) == 100 && (b[3] & 0xff) == 200
                || b[0] == 0;
    }
}
