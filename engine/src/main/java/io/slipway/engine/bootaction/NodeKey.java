package io.slipway.engine.bootaction;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Node identity keys: 32 random bytes, handed to the node as 64 lower-case hex digits. */
final class NodeKey {
    static final int BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private NodeKey() {}

    static byte[] generate(SecureRandom random) {
        byte[] key = new byte[BYTES];
        random.nextBytes(key);
        return key;
    }

    static String hex(byte[] key) {
        return HEX.formatHex(key);
    }

    /**
     * The key a node presented. A missing key is UNAUTHORIZED; anything but exactly 64 hex digits is
     * FORBIDDEN (Drydock answers 500 for non-hex keys).
     */
    static byte[] parse(String presented) {
        if (presented == null || presented.isBlank()) {
            throw BootActionProblem.of(BootActionProblem.Kind.UNAUTHORIZED, "no boot action key presented");
        }
        String s = presented.strip();
        if (s.length() != BYTES * 2 || !s.chars().allMatch(HexFormat::isHexDigit)) {
            throw BootActionProblem.of(BootActionProblem.Kind.FORBIDDEN, "invalid boot action key");
        }
        return HEX.parseHex(s.toLowerCase(java.util.Locale.ROOT));
    }
}
