package io.slipway.drivers.spi.state;

import io.vertx.core.Future;
import java.util.List;

/**
 * Durable state a driver keeps across restarts and leader changes (jobs, hashed tokens, registrations),
 * as text values (usually JSON) under a {@code scope} (e.g. {@code netboot/job}) and a key. Postgres
 * in a running server, memory in unit tests.
 *
 * <p>Every method is idempotent and non-blocking; futures complete on a Vert.x context. A write is durable
 * when its future succeeds. Failures are store failures (the driver reports them as retriable). There is
 * one writer per scope at a time (the leader's driver), so writes are last-writer-wins.
 */
public interface DriverStateStore {

    /** A stored value; {@code version} grows by one on every write of the key. */
    record Entry(String scope, String key, String value, long version) {}

    /** The entry, or null when absent. */
    Future<Entry> get(String scope, String key);

    /** Creates or replaces the value; completes with the stored entry. */
    Future<Entry> put(String scope, String key, String value);

    /** Removes the key; completes with whether it existed. */
    Future<Boolean> delete(String scope, String key);

    /** Every entry of {@code scope}, ordered by key. */
    Future<List<Entry>> list(String scope);
}
