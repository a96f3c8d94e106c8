package io.slipway.engine.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware mutation of text inputs for the fuzz harnesses: byte flips, insertion of syntax
 * tokens (YAML and JSON), NUL and other control characters, long runs, splices of two corpus entries,
 * truncation, duplicated and deleted lines. Deterministic for a given {@link Random}.
 */
public final class Mutator {
    private static final String[] TOKENS = {
        ": ",
        "- ",
        "---\n",
        "...\n",
        "&a ",
        "*a",
        "<<: *a\n",
        "!!binary ",
        "!!python/object ",
        "{",
        "}",
        "[",
        "]",
        "\"",
        "'",
        "\\u0000",
        "\0",
        "\u0001",
        "\uFFFF",
        "\uD800",
        "#",
        "|\n",
        ">-\n",
        "? ",
        ",",
        "\t",
        "\r\n",
        "~",
        "null",
        "true",
        "1e999",
        "-0",
        "0x10",
        "2024-01-01",
        "schema: drydock/BaremetalNode/v1\n",
        "metadata: {name: n}\n",
        "data: {}\n",
        "data:\n  addressing: []\n",
        "\"\\ud800\"",
        "{\"a\":1,\"a\":2}",
        "/*c*/"
    };
    private final Random rnd;

    public Mutator(Random rnd) {
        this.rnd = rnd;
    }

    /** One mutated input from the corpus (1 to 4 mutations stacked). */
    public byte[] next(List<byte[]> corpus) {
        byte[] b = corpus.get(rnd.nextInt(corpus.size()));
        for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
            b = once(b, corpus);
        }
        return b;
    }

    private byte[] once(byte[] b, List<byte[]> corpus) {
        int at = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
        return switch (rnd.nextInt(9)) {
            case 0 -> flip(b);
            case 1, 2 -> insert(b, at, TOKENS[rnd.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            case 3 -> insert(b, at, run());
            case 4 -> splice(b, corpus.get(rnd.nextInt(corpus.size())), at);
            case 5 -> java.util.Arrays.copyOf(b, at);
            case 6 -> duplicateLine(b, at);
            case 7 -> delete(b, at, 1 + rnd.nextInt(16));
            default -> insert(b, at, new byte[] {(byte) rnd.nextInt(256)});
        };
    }

    private byte[] flip(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        byte[] c = b.clone();
        c[rnd.nextInt(c.length)] ^= (byte) (1 << rnd.nextInt(8));
        return c;
    }

    private byte[] run() {
        int n = rnd.nextInt(10) == 0 ? 64 * 1024 + rnd.nextInt(64 * 1024) : 1 + rnd.nextInt(300);
        String chars = "a [{-:&*'\"\\";
        char c = chars.charAt(rnd.nextInt(chars.length()));
        return String.valueOf(c).repeat(n).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
        out.write(b, 0, at);
        out.write(what, 0, what.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private byte[] splice(byte[] b, byte[] other, int at) {
        int from = other.length == 0 ? 0 : rnd.nextInt(other.length);
        int len = Math.min(other.length - from, 1 + rnd.nextInt(512));
        return insert(b, at, java.util.Arrays.copyOfRange(other, from, from + len));
    }

    private static byte[] duplicateLine(byte[] b, int at) {
        int start = at;
        while (start > 0 && b[start - 1] != '\n') {
            start--;
        }
        int end = at;
        while (end < b.length && b[end] != '\n') {
            end++;
        }
        end = Math.min(b.length, end + 1);
        return insert(b, start, java.util.Arrays.copyOfRange(b, start, end));
    }

    private static byte[] delete(byte[] b, int at, int n) {
        int end = Math.min(b.length, at + n);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, at);
        out.write(b, end, b.length - end);
        return out.toByteArray();
    }
}
