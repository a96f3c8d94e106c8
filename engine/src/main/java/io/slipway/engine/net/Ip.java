package io.slipway.engine.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A parsed IPv4 or IPv6 address. Parsing never touches DNS: IPv4 is parsed by hand and only
 * strings containing {@code :} are handed to the JDK's literal parser.
 */
public record Ip(int version, BigInteger value, String text) implements Comparable<Ip> {

    /** Returns the address, or null when {@code s} is not an IP literal. */
    public static Ip parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        if (t.indexOf(':') >= 0) {
            return parse6(t);
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return null;
            }
            v = (v << 8) | octet;
        }
        return new Ip(4, BigInteger.valueOf(v), t);
    }

    private static Ip parse6(String t) {
        if (!t.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            byte[] b = InetAddress.getByName(t).getAddress();
            return b.length == 16 ? new Ip(6, new BigInteger(1, b), t) : new Ip(4, new BigInteger(1, b), t);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public int bits() {
        return version == 4 ? 32 : 128;
    }

    /** Canonical key for equality across spellings ({@code 10.0.0.1} vs {@code ::ffff:...} aside). */
    public String key() {
        return version + "/" + value;
    }

    @Override
    public int compareTo(Ip o) {
        int c = Integer.compare(version, o.version);
        return c != 0 ? c : value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return text;
    }
}
