package io.slipway.drivers.ipmi.rmcp;

import java.util.Arrays;

/**
 * An IPMI LAN message (IPMI 2.0 §13.8): addresses, netFn/LUN, sequence, command, data and two
 * two's-complement checksums. Requests come from the remote console (0x81) to the BMC (0x20).
 *
 * @param netFn the request netFn (even); responses use {@code netFn + 1} on the wire
 * @param rqSeq 6-bit requester sequence, echoed by the response
 * @param completionCode -1 for a request, the BMC's completion code for a response
 */
public record LanMessage(int netFn, int cmd, int rqSeq, int completionCode, byte[] data) {

    public static final int BMC_ADDR = 0x20;
    public static final int CONSOLE_ADDR = 0x81;

    public static LanMessage request(int netFn, int cmd, int rqSeq, byte[] data) {
        return new LanMessage(netFn, cmd, rqSeq & 0x3F, -1, data);
    }

    public static LanMessage response(LanMessage request, int completionCode, byte[] data) {
        return new LanMessage(request.netFn, request.cmd, request.rqSeq, completionCode, data);
    }

    public boolean isResponse() {
        return completionCode >= 0;
    }

    public byte[] encode() {
        boolean rsp = isResponse();
        int body = rsp ? data.length + 1 : data.length;
        byte[] out = new byte[7 + body];
        out[0] = (byte) (rsp ? CONSOLE_ADDR : BMC_ADDR);
        out[1] = (byte) (((rsp ? netFn | 1 : netFn) << 2));
        out[2] = checksum(out, 0, 2);
        out[3] = (byte) (rsp ? BMC_ADDR : CONSOLE_ADDR);
        out[4] = (byte) (rqSeq << 2);
        out[5] = (byte) cmd;
        int at = 6;
        if (rsp) {
            out[at++] = (byte) completionCode;
        }
        System.arraycopy(data, 0, out, at, data.length);
        out[out.length - 1] = checksum(out, 3, out.length - 4);
        return out;
    }

    /** Decodes a request ({@code response == false}) or a response; checks both checksums. */
    public static LanMessage decode(byte[] in, boolean response) {
        int min = response ? 8 : 7;
        if (in.length < min) {
            throw new IllegalArgumentException("IPMI message too short: " + in.length);
        }
        if (checksum(in, 0, 2) != in[2] || checksum(in, 3, in.length - 4) != in[in.length - 1]) {
            throw new IllegalArgumentException("IPMI message checksum mismatch");
        }
        int netFn = ((in[1] & 0xFF) >> 2) & ~1;
        int rqSeq = (in[4] & 0xFF) >> 2;
        int cmd = in[5] & 0xFF;
        if (response) {
            return new LanMessage(netFn, cmd, rqSeq, in[6] & 0xFF, Arrays.copyOfRange(in, 7, in.length - 1));
        }
        return new LanMessage(netFn, cmd, rqSeq, -1, Arrays.copyOfRange(in, 6, in.length - 1));
    }

    static byte checksum(byte[] b, int from, int length) {
        int sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += b[i];
        }
        return (byte) -sum;
    }

    @Override
    public String toString() {
        return String.format(
                "LanMessage[netFn=%02X cmd=%02X seq=%d cc=%d len=%d]", netFn, cmd, rqSeq, completionCode, data.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LanMessage m
                && m.netFn == netFn
                && m.cmd == cmd
                && m.rqSeq == rqSeq
                && m.completionCode == completionCode
                && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + cmd;
    }
}
