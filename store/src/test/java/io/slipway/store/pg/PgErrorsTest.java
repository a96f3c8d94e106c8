package io.slipway.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.StoreException;
import io.slipway.store.StoreException.Kind;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class PgErrorsTest {

    @Test
    void uniqueViolationIsAConflict() {
        assertThat(kind(pg("23505"))).isEqualTo(Kind.CONFLICT);
    }

    @Test
    void missingReferenceIsNotFound() {
        assertThat(kind(pg("23503"))).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void serverGoingAwayIsUnavailable() {
        assertThat(kind(pg("57P01"))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kind(pg("57P03"))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kind(pg("08006"))).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void lostOrRefusedConnectionsAreUnavailable() {
        assertThat(kind(ClosedConnectionException.INSTANCE)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kind(new ConnectException("Connection refused"))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kind(new VertxException("Pool closed", true))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kind(new RuntimeException("wrapped", new ConnectException("refused"))))
                .isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void bugsAreNotDisguised() {
        PgException syntax = pg("42601");
        assertThat(PgErrors.map(syntax, "x")).isSameAs(syntax);
        IllegalStateException bug = new IllegalStateException("bug");
        assertThat(PgErrors.map(bug, "x")).isSameAs(bug);
    }

    private static Kind kind(Throwable failure) {
        Throwable mapped = PgErrors.map(failure, "testing");
        assertThat(mapped).isInstanceOf(StoreException.class).hasMessageStartingWith("testing");
        return ((StoreException) mapped).kind();
    }

    private static PgException pg(String state) {
        return new PgException("message", "ERROR", state, "detail");
    }
}
