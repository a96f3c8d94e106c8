package io.slipway.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The live boot action context of a node: which deploy task created it and the hash of the identity
 * key the node was given. The key itself is never stored, so a database dump does not let anyone
 * impersonate a node.
 */
public record BootActionContext(String nodeName, UUID taskId, byte[] identityKeyHash, Instant created) {

    public BootActionContext {
        Objects.requireNonNull(nodeName, "nodeName");
        identityKeyHash = identityKeyHash.clone();
    }

    /** A new context for {@code key}, which the caller hands to the node. */
    public static BootActionContext forKey(String nodeName, UUID taskId, byte[] key) {
        return new BootActionContext(nodeName, taskId, hash(key), null);
    }

    /** Constant-time check of a key presented by a node. */
    public boolean matches(byte[] presentedKey) {
        return MessageDigest.isEqual(identityKeyHash, hash(presentedKey));
    }

    @Override
    public byte[] identityKeyHash() {
        return identityKeyHash.clone();
    }

    static byte[] hash(byte[] key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
