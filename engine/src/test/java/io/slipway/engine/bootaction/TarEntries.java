package io.slipway.engine.bootaction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads back the archives the tests build (ustar, regular files only). */
final class TarEntries {

    record Entry(String name, int mode, int uid, int gid, long mtime, String content, boolean checksumOk) {}

    private TarEntries() {}

    static List<Entry> read(byte[] targz) {
        byte[] tar;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(targz))) {
            tar = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> out = new ArrayList<>();
        int pos = 0;
        while (pos + 512 <= tar.length && tar[pos] != 0) {
            byte[] h = Arrays.copyOfRange(tar, pos, pos + 512);
            String prefix = text(h, 345, 155);
            String name = prefix.isEmpty() ? text(h, 0, 100) : prefix + "/" + text(h, 0, 100);
            int size = (int) octal(h, 124, 12);
            String content = new String(tar, pos + 512, size, StandardCharsets.UTF_8);
            out.add(new Entry(
                    name,
                    (int) octal(h, 100, 8),
                    (int) octal(h, 108, 8),
                    (int) octal(h, 116, 8),
                    octal(h, 136, 12),
                    content,
                    checksumOk(h)));
            pos += 512 + (size + 511) / 512 * 512;
        }
        return out;
    }

    private static boolean checksumOk(byte[] h) {
        long stored = octal(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
        }
        return stored == sum;
    }

    private static String text(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int off, int len) {
        String s = text(h, off, len).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }
}
