package io.slipway.drivers.maas;

/** IPv4 CIDR arithmetic, enough to place an address on a subnet. */
final class Ipv4 {
    private Ipv4() {}

    /** Whether {@code address} lies in {@code cidr}; false for anything that is not IPv4. */
    static boolean contains(String cidr, String address) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return false;
        }
        try {
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return (toLong(cidr.substring(0, slash)) & mask) == (toLong(address) & mask);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static long toLong(String address) {
        String[] parts = address.trim().split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not IPv4: " + address);
        }
        long value = 0;
        for (String p : parts) {
            int octet = Integer.parseInt(p);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not IPv4: " + address);
            }
            value = (value << 8) | octet;
        }
        return value;
    }
}
