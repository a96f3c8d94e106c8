package io.slipway.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An immutable, ingested design: the raw multi-document YAML, where it came from, and the hash that
 * identifies its content. Tasks pin a revision by {@code id}.
 */
public record DesignRevision(long id, String contentHash, String sourceRef, String documents, Instant created) {

    /** The content hash used to recognise identical designs: SHA-256 of the UTF-8 text, in hex. */
    public static String hashOf(String documents) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(documents.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
