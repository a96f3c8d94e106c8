package io.slipway.api.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's current keys, fetched again when a token names a key id we do not know (the
 * provider rotated its keys). Concurrent refreshes share one fetch, and refreshes are at least
 * {@code minInterval} apart. Thread-safe; never blocks.
 */
final class JwksCache {
    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

    private final Supplier<Future<String>> source;
    private final String sourceName;
    private final long minIntervalNanos;
    private final AtomicReference<JwkSet> current = new AtomicReference<>(JwkSet.EMPTY);
    private final AtomicReference<Future<JwkSet>> inFlight = new AtomicReference<>();
    private volatile long lastAttempt = System.nanoTime() - Long.MAX_VALUE / 2;

    JwksCache(String sourceName, Supplier<Future<String>> source, Duration minInterval) {
        this.sourceName = sourceName;
        this.source = source;
        this.minIntervalNanos = minInterval.toNanos();
    }

    /** The keys that may verify a token, refreshing once if none is known yet. */
    Future<List<JwkSet.Jwk>> candidates(String kid, String kty) {
        List<JwkSet.Jwk> known = current.get().candidates(kid, kty);
        if (!known.isEmpty()) {
            return Future.succeededFuture(known);
        }
        // A fetch under way is joined even inside the interval: it may be bringing this very key.
        if (inFlight.get() == null && System.nanoTime() - lastAttempt < minIntervalNanos) {
            return Future.failedFuture(unknownKey(kid));
        }
        return refresh().otherwise(current.get()).compose(set -> {
            List<JwkSet.Jwk> found = set.candidates(kid, kty);
            return found.isEmpty() ? Future.failedFuture(unknownKey(kid)) : Future.succeededFuture(found);
        });
    }

    /** Fetches the keys now (joining a fetch already under way) and keeps them if they parse. */
    Future<JwkSet> refresh() {
        Promise<JwkSet> promise = Promise.promise();
        if (!inFlight.compareAndSet(null, promise.future())) {
            Future<JwkSet> running = inFlight.get();
            return running != null ? running : refresh();
        }
        lastAttempt = System.nanoTime();
        fetch().onComplete(ar -> {
            if (ar.succeeded()) {
                current.set(ar.result());
                LOG.info("loaded {} signing key(s) from {}", ar.result().keys().size(), sourceName);
            } else {
                LOG.warn(
                        "cannot load signing keys from {}: {}",
                        sourceName,
                        ar.cause().getMessage());
            }
            // Cleared before completing, so a caller reacting to this result can start the next fetch.
            inFlight.set(null);
            promise.handle(ar);
        });
        return promise.future();
    }

    private Future<JwkSet> fetch() {
        try {
            return source.get().map(JwkSet::parse);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private static AuthException unknownKey(String kid) {
        return AuthException.unauthenticated(
                kid == null ? "no known key verifies the JWT" : "the JWT is signed with an unknown key '" + kid + "'");
    }
}
