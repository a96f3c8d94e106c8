package io.slipway.drivers.ipmi.command;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A Full Sensor Record (SDR type 0x01, IPMI 2.0 §43.1): what is needed to read and convert one
 * analog sensor. {@link #encode} writes the same layout for simulated BMCs.
 *
 * @param analogFormat 0 unsigned, 1 one's complement, 2 two's complement, 3 not analog
 * @param linearization 0 linear, 1–11 the §36.3 functions
 * @param baseUnit the §43.17 unit code, e.g. 1 = degrees C, 18 = RPM
 */
public record SensorRecord(
        int owner,
        int lun,
        int number,
        String name,
        int analogFormat,
        int baseUnit,
        int linearization,
        int m,
        int b,
        int bExp,
        int rExp) {

    public static final int FULL = 0x01;

    /** Parses a complete record (header included); empty for other record types. */
    public static Optional<SensorRecord> parse(byte[] r) {
        if (r.length < 48 || (r[3] & 0xFF) != FULL) {
            return Optional.empty();
        }
        int m = tenBit(r[24] & 0xFF, r[25] & 0xFF);
        int b = tenBit(r[26] & 0xFF, r[27] & 0xFF);
        int rExp = fourBit((r[29] & 0xFF) >> 4);
        int bExp = fourBit(r[29] & 0x0F);
        int len = Math.min(r[47] & 0x1F, r.length - 48);
        String name = new String(r, 48, len, StandardCharsets.ISO_8859_1).trim();
        return Optional.of(new SensorRecord(
                r[5] & 0xFF,
                r[6] & 0x03,
                r[7] & 0xFF,
                name,
                (r[20] & 0xFF) >> 6,
                r[21] & 0xFF,
                r[23] & 0x7F,
                m,
                b,
                bExp,
                rExp));
    }

    /** Converts a raw reading: y = L[(M·x + B·10^Bexp) · 10^Rexp]. */
    public double convert(int raw) {
        double x = switch (analogFormat) {
            case 1 -> (raw & 0x80) != 0 ? -((~raw) & 0x7F) : raw;
            case 2 -> (byte) raw;
            default -> raw & 0xFF;
        };
        double y = (m * x + b * Math.pow(10, bExp)) * Math.pow(10, rExp);
        return switch (linearization) {
            case 1 -> Math.log(y);
            case 2 -> Math.log10(y);
            case 3 -> Math.log(y) / Math.log(2);
            case 4 -> Math.exp(y);
            case 5 -> Math.pow(10, y);
            case 6 -> Math.pow(2, y);
            case 7 -> 1 / y;
            case 8 -> y * y;
            case 9 -> y * y * y;
            case 10 -> Math.sqrt(y);
            case 11 -> Math.cbrt(y);
            default -> y;
        };
    }

    public String unit() {
        return switch (baseUnit) {
            case 1 -> "C";
            case 2 -> "F";
            case 3 -> "K";
            case 4 -> "V";
            case 5 -> "A";
            case 6 -> "W";
            case 18 -> "RPM";
            case 19 -> "Hz";
            default -> "";
        };
    }

    /** The record as a BMC stores it, with record ID {@code id}. */
    public byte[] encode(int id) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        byte[] r = new byte[48 + n.length];
        r[0] = (byte) id;
        r[1] = (byte) (id >> 8);
        r[2] = 0x51;
        r[3] = FULL;
        r[4] = (byte) (r.length - 5);
        r[5] = (byte) owner;
        r[6] = (byte) lun;
        r[7] = (byte) number;
        r[20] = (byte) (analogFormat << 6);
        r[21] = (byte) baseUnit;
        r[23] = (byte) linearization;
        r[24] = (byte) m;
        r[25] = (byte) ((m >> 2) & 0xC0);
        r[26] = (byte) b;
        r[27] = (byte) ((b >> 2) & 0xC0);
        r[29] = (byte) ((rExp & 0x0F) << 4 | (bExp & 0x0F));
        r[47] = (byte) (0xC0 | n.length);
        System.arraycopy(n, 0, r, 48, n.length);
        return r;
    }

    private static int tenBit(int ls, int msByte) {
        int v = ls | (msByte & 0xC0) << 2;
        return (v & 0x200) != 0 ? v - 0x400 : v;
    }

    private static int fourBit(int v) {
        return (v & 0x8) != 0 ? v - 0x10 : v;
    }
}
