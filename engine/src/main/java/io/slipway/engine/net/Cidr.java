package io.slipway.engine.net;

import java.math.BigInteger;

/** A parsed CIDR block. {@link #hostBitsSet()} tells whether the address had bits beyond the prefix. */
public record Cidr(Ip address, int prefix, BigInteger network, BigInteger last) {

    /** Returns the block, or null when {@code s} is not {@code address/prefix}. */
    public static Cidr parse(String s) {
        if (s == null) {
            return null;
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            return null;
        }
        Ip ip = Ip.parse(s.substring(0, slash));
        String p = s.substring(slash + 1).trim();
        if (ip == null || p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int prefix = Integer.parseInt(p);
        if (prefix > ip.bits()) {
            return null;
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(ip.bits() - prefix).subtract(BigInteger.ONE);
        BigInteger network = ip.value().andNot(hostMask);
        return new Cidr(ip, prefix, network, network.or(hostMask));
    }

    public boolean hostBitsSet() {
        return !address.value().equals(network);
    }

    public boolean contains(Ip ip) {
        return ip != null
                && ip.version() == address.version()
                && ip.value().compareTo(network) >= 0
                && ip.value().compareTo(last) <= 0;
    }

    /** The block with host bits cleared, e.g. {@code 172.16.100.0/24} for {@code 172.16.100.1/24}. */
    public String normalized() {
        if (address.version() == 4) {
            long v = network.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255) + "/"
                    + prefix;
        }
        try {
            byte[] raw = network.toByteArray();
            byte[] b = new byte[16];
            int n = Math.min(raw.length, 16);
            System.arraycopy(raw, raw.length - n, b, 16 - n, n);
            return java.net.InetAddress.getByAddress(b).getHostAddress() + "/" + prefix;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return address.text() + "/" + prefix;
    }
}
