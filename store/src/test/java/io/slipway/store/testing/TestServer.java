package io.slipway.store.testing;

import io.slipway.store.DatabaseEndpoint;

/** A Postgres server that tests may create databases on. Blocking; used from test threads only. */
public interface TestServer extends AutoCloseable {

    /** How the server was obtained, for the test log. */
    String description();

    /** The maintenance database, as a user allowed to create and drop databases. */
    DatabaseEndpoint admin();

    /** Stops the server if it belongs to the test run; a server given by URL is left alone. */
    @Override
    void close();
}
