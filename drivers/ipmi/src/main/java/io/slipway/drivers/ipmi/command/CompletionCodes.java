package io.slipway.drivers.ipmi.command;

import io.slipway.drivers.ipmi.client.IpmiResponse;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;

/** Turns IPMI completion codes (IPMI 2.0 §5.2, Table 5-2) into typed driver failures. */
public final class CompletionCodes {

    private CompletionCodes() {}

    /** Returns {@code response} when its completion code is 0, otherwise throws the typed failure. */
    public static IpmiResponse require(IpmiResponse response, String what) {
        if (response.ok()) {
            return response;
        }
        int cc = response.completionCode();
        throw new DriverException(kind(cc), retriable(cc), what + " failed: " + describe(cc), cc, null);
    }

    static Kind kind(int cc) {
        return switch (cc) {
            case 0xC1, 0xC2, 0x80 -> Kind.UNSUPPORTED;
            case 0xD4, 0xD3 -> Kind.AUTH;
            case 0xC7, 0xC8, 0xC9, 0xCA, 0xCC, 0xCB, 0xD5, 0xD6, 0x81 -> Kind.REFUSED;
            default -> Kind.FAILED;
        };
    }

    static boolean retriable(int cc) {
        return switch (cc) {
            case 0xC0, 0xC3, 0xC4, 0xCE, 0xCF, 0xD2, 0xFF -> true;
            default -> false;
        };
    }

    public static String describe(int cc) {
        return switch (cc) {
            case 0x80 -> "parameter not supported";
            case 0x81 -> "request refused in the current state";
            case 0xC0 -> "node busy";
            case 0xC1 -> "invalid command";
            case 0xC2 -> "command invalid for this LUN";
            case 0xC3 -> "timeout while processing";
            case 0xC4 -> "out of space";
            case 0xC5 -> "reservation cancelled";
            case 0xC7 -> "request data length invalid";
            case 0xC8 -> "request data field length limit exceeded";
            case 0xC9 -> "parameter out of range";
            case 0xCA -> "cannot return the number of requested bytes";
            case 0xCB -> "requested sensor, data or record not present";
            case 0xCC -> "invalid data field in request";
            case 0xCE -> "cannot provide a response";
            case 0xD2 -> "BMC initialising";
            case 0xD4 -> "insufficient privilege level";
            case 0xD5 -> "not supported in the present state";
            case 0xD6 -> "sub-function disabled or unavailable";
            default -> String.format("completion code 0x%02X", cc);
        };
    }
}
