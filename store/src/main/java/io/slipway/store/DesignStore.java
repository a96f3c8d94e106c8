package io.slipway.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * Immutable design revisions, stored as the raw YAML text plus metadata (the store never parses
 * designs).
 *
 * <p>Non-blocking, any thread; failures are {@link StoreException}s ({@code UNAVAILABLE} is
 * retryable).
 */
public interface DesignStore {

    /**
     * Stores a design and returns its revision. Idempotent by content: identical {@code documents}
     * return the existing revision, which keeps the source reference it was first ingested from. Not
     * fenced: ingesting a design changes nothing on the site.
     */
    Future<DesignRevision> save(String sourceRef, String documents);

    /** The revision with this id; fails with {@code NOT_FOUND}. */
    Future<DesignRevision> find(long id);

    /** The newest revisions first, at most {@code limit}. */
    Future<List<DesignRevision>> recent(int limit);
}
