package io.slipway.drivers.ipmi.client;

/** A BMC's answer: completion code (0 = success) and response data. */
public record IpmiResponse(int completionCode, byte[] data) {

    public boolean ok() {
        return completionCode == 0;
    }

    /** Unsigned byte at {@code index} of the data. */
    public int u8(int index) {
        return data[index] & 0xFF;
    }
}
