package io.slipway.drivers.ipmi.client;

/**
 * An IPMI command: network function, command number and request data.
 *
 * @param idempotent whether running it twice is harmless (reads, privilege); a command that is not
 *     (Chassis Control, Set System Boot Options) is not sent again before its answer is overdue
 */
public record IpmiRequest(int netFn, int cmd, byte[] data, boolean idempotent) {

    /** An idempotent command (a read). */
    public static IpmiRequest of(int netFn, int cmd, int... data) {
        return new IpmiRequest(netFn, cmd, bytes(data), true);
    }

    /** A command with an effect that must not run twice. */
    public static IpmiRequest action(int netFn, int cmd, int... data) {
        return new IpmiRequest(netFn, cmd, bytes(data), false);
    }

    public String name() {
        return String.format("netFn 0x%02X cmd 0x%02X", netFn, cmd);
    }

    private static byte[] bytes(int... data) {
        byte[] bytes = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            bytes[i] = (byte) data[i];
        }
        return bytes;
    }
}
