package io.slipway.drivers.ipmi.command;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FRU information format (Platform Management FRU Information Storage Definition v1.0): a
 * common header pointing at chassis, board and product info areas made of type/length fields.
 * Parsing yields keys like {@code product.serial}; {@link #build} writes the same keys back, which
 * simulated BMCs use.
 */
public final class Fru {

    static final List<String> CHASSIS = List.of("partNumber", "serial");
    static final List<String> BOARD = List.of("manufacturer", "product", "serial", "partNumber", "fileId");
    static final List<String> PRODUCT =
            List.of("manufacturer", "name", "partNumber", "version", "serial", "assetTag", "fileId");

    private Fru() {}

    /** Parses an image; unreadable areas are skipped rather than failing the whole inventory. */
    public static Map<String, String> parse(byte[] image) {
        Map<String, String> out = new LinkedHashMap<>();
        if (image.length < 8 || image[0] != 0x01) {
            return out;
        }
        area(image, (image[2] & 0xFF) * 8, 3, "chassis", CHASSIS, out);
        area(image, (image[3] & 0xFF) * 8, 6, "board", BOARD, out);
        area(image, (image[4] & 0xFF) * 8, 3, "product", PRODUCT, out);
        return out;
    }

    private static void area(
            byte[] img, int start, int skip, String prefix, List<String> names, Map<String, String> out) {
        if (start == 0 || start + skip > img.length) {
            return;
        }
        int end = Math.min(img.length, start + (img[start + 1] & 0xFF) * 8);
        int at = start + skip;
        for (String name : names) {
            if (at >= end || (img[at] & 0xFF) == 0xC1) {
                return;
            }
            int len = img[at] & 0x3F;
            int type = (img[at] & 0xFF) >> 6;
            if (at + 1 + len > end) {
                return;
            }
            String value = decode(type, img, at + 1, len);
            if (!value.isEmpty()) {
                out.put(prefix + "." + name, value);
            }
            at += 1 + len;
        }
    }

    private static String decode(int type, byte[] b, int off, int len) {
        return switch (type) {
            case 3 -> new String(b, off, len, StandardCharsets.ISO_8859_1).trim();
            case 2 -> sixBitAscii(b, off, len);
            default -> HexFormat.of().formatHex(b, off, off + len);
        };
    }

    /** Packed 6-bit ASCII: four characters in three bytes, least significant bits first. */
    private static String sixBitAscii(byte[] b, int off, int len) {
        StringBuilder s = new StringBuilder();
        int bits = 0;
        int acc = 0;
        for (int i = off; i < off + len; i++) {
            acc |= (b[i] & 0xFF) << bits;
            bits += 8;
            while (bits >= 6) {
                s.append((char) ((acc & 0x3F) + 0x20));
                acc >>= 6;
                bits -= 6;
            }
        }
        return s.toString().trim();
    }

    /** Builds an image with chassis, board and product areas from keys as {@link #parse} returns. */
    public static byte[] build(Map<String, String> fields) {
        byte[] chassis = area(new byte[] {0x01, 0x00, 0x17}, "chassis", CHASSIS, fields);
        byte[] board = area(new byte[] {0x01, 0x00, 0x00, 0x00, 0x00, 0x00}, "board", BOARD, fields);
        byte[] product = area(new byte[] {0x01, 0x00, 0x00}, "product", PRODUCT, fields);
        byte[] header = {
            0x01,
            0x00,
            1,
            (byte) (1 + chassis.length / 8),
            (byte) (1 + (chassis.length + board.length) / 8),
            0x00,
            0x00,
            0x00
        };
        header[7] = checksum(header, 7);
        ByteArrayOutputStream img = new ByteArrayOutputStream();
        img.writeBytes(header);
        img.writeBytes(chassis);
        img.writeBytes(board);
        img.writeBytes(product);
        while (img.size() < 256) {
            img.write(0);
        }
        return img.toByteArray();
    }

    private static byte[] area(byte[] head, String prefix, List<String> names, Map<String, String> fields) {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        a.writeBytes(head);
        for (String name : names) {
            byte[] v = fields.getOrDefault(prefix + "." + name, "").getBytes(StandardCharsets.ISO_8859_1);
            int len = Math.min(v.length, 63);
            a.write(0xC0 | len);
            a.write(v, 0, len);
        }
        a.write(0xC1);
        while ((a.size() + 1) % 8 != 0) {
            a.write(0);
        }
        byte[] body = a.toByteArray();
        body[1] = (byte) ((body.length + 1) / 8);
        byte[] out = java.util.Arrays.copyOf(body, body.length + 1);
        out[body.length] = checksum(body, body.length);
        return out;
    }

    private static byte checksum(byte[] b, int len) {
        int sum = 0;
        for (int i = 0; i < len; i++) {
            sum += b[i];
        }
        return (byte) -sum;
    }
}
