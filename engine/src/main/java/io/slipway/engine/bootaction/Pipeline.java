package io.slipway.engine.bootaction;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code data_pipeline} segments, applied in order to bytes. Data stays bytes throughout: the
 * {@code utf8_*} segments check that the bytes are valid UTF-8 (text is always held as UTF-8), and
 * {@code template} decodes, renders and re-encodes. Stateless and thread-safe.
 */
final class Pipeline {

    private Pipeline() {}

    /** Why a segment failed; the message names the segment. */
    static final class SegmentException extends RuntimeException {
        SegmentException(String message) {
            super(message, null, false, false);
        }
    }

    static byte[] run(byte[] data, List<String> segments, UnaryOperator<String> template) {
        byte[] current = data;
        for (String segment : segments) {
            current = apply(segment, current, template);
        }
        return current;
    }

    private static byte[] apply(String segment, byte[] data, UnaryOperator<String> template) {
        return switch (segment) {
            case "base64_encode" -> Base64.getEncoder().encode(data);
            case "base64_decode" -> base64Decode(data);
            case "utf8_encode", "utf8_decode" -> {
                utf8(data, segment);
                yield data;
            }
            case "template" -> template.apply(utf8(data, segment)).getBytes(StandardCharsets.UTF_8);
            default -> throw new SegmentException("unknown pipeline segment '" + segment + "'");
        };
    }

    private static byte[] base64Decode(byte[] data) {
        // Encoded data in YAML is often wrapped over several lines; whitespace is not part of it.
        String text = new String(data, StandardCharsets.ISO_8859_1).replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SegmentException("base64_decode: data is not valid base64 (" + e.getMessage() + ")");
        }
    }

    static String utf8(byte[] data, String segment) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SegmentException(segment + ": data is not valid UTF-8");
        }
    }
}
