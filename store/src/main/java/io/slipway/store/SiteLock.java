package io.slipway.store;

import java.time.Instant;

/**
 * A site's design lock: tasks use {@code revision} until an operator unlocks the site or approves
 * {@code pending} (a newer revision that arrived while locked; null when none).
 */
public record SiteLock(String site, long revision, String lockedBy, Instant lockedAt, Long pending) {}
