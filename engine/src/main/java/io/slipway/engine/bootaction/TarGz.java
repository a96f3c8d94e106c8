package io.slipway.engine.bootaction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * A minimal ustar writer for regular files, gzip-compressed. Nothing in the output depends on the
 * clock or the host: the caller gives every field, and Java's gzip header carries no timestamp or
 * file name. Single use, not thread-safe.
 */
final class TarGz {
    private static final int BLOCK = 512;
    /** GNU tar and Python pad archives to a 10 KiB record; some extractors warn otherwise. */
    private static final int RECORD = 20 * BLOCK;

    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

    /** Adds a regular file owned by root. {@code name} is relative and at most 255 bytes. */
    void add(String name, int mode, long mtimeSeconds, byte[] data) {
        byte[] header = new byte[BLOCK];
        splitName(name, header);
        octal(header, 100, 8, mode & 07777);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, data.length);
        octal(header, 136, 12, mtimeSeconds);
        Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        put(header, 257, "ustar\0");
        put(header, 263, "00");
        put(header, 265, "root");
        put(header, 297, "root");
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        octal(header, 148, 7, sum);
        tar.writeBytes(header);
        tar.writeBytes(data);
        tar.writeBytes(new byte[(BLOCK - data.length % BLOCK) % BLOCK]);
    }

    /** The finished archive: two zero blocks, padding to a whole record, then gzip. */
    byte[] finish() {
        tar.writeBytes(new byte[2 * BLOCK]);
        tar.writeBytes(new byte[(RECORD - tar.size() % RECORD) % RECORD]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            tar.writeTo(gz);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory gzip cannot fail", e);
        }
        return out.toByteArray();
    }

    /** ustar keeps 100 bytes of name plus a 155-byte prefix, split at a slash. */
    static void splitName(String name, byte[] header) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 100) {
            System.arraycopy(bytes, 0, header, 0, bytes.length);
            return;
        }
        for (int i = Math.min(bytes.length - 1, 155); i > 0; i--) {
            if (bytes[i] == '/' && bytes.length - i - 1 <= 100 && bytes.length - i - 1 > 0) {
                System.arraycopy(bytes, 0, header, 345, i);
                System.arraycopy(bytes, i + 1, header, 0, bytes.length - i - 1);
                return;
            }
        }
        throw new IllegalArgumentException("path is too long for a tar header");
    }

    private static void octal(byte[] header, int offset, int width, long value) {
        String digits = Long.toOctalString(value);
        if (value < 0 || digits.length() > width - 1) {
            throw new IllegalArgumentException("value " + value + " does not fit a tar header field");
        }
        String padded = "0".repeat(Math.max(0, width - 1 - digits.length())) + digits;
        put(header, offset, padded);
        header[offset + width - 1] = 0;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, offset, b.length);
    }
}
