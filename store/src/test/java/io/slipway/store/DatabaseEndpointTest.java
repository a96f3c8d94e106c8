package io.slipway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseEndpointTest {

    @Test
    void parsesThePostgresqlForm() {
        DatabaseEndpoint e = DatabaseEndpoint.parse("postgresql://slipway:s3cret@db.example:6543/site");
        assertThat(e).isEqualTo(new DatabaseEndpoint("db.example", 6543, "site", "slipway", "s3cret"));
    }

    @Test
    void acceptsJdbcUrlsWithCredentialsAsParameters() {
        DatabaseEndpoint e = DatabaseEndpoint.parse("jdbc:postgresql://db:5432/site?user=ops&password=pw");
        assertThat(e).isEqualTo(new DatabaseEndpoint("db", 5432, "site", "ops", "pw"));
        assertThat(e.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/site");
    }

    @Test
    void urlRoundTripsEvenWithAwkwardPasswords() {
        DatabaseEndpoint e = new DatabaseEndpoint("localhost", 5432, "slipway", "ops", "p@ss:w/rd %");
        assertThat(DatabaseEndpoint.parse(e.toUrl())).isEqualTo(e);
    }

    @Test
    void stringFormHidesThePassword() {
        DatabaseEndpoint e = new DatabaseEndpoint("h", 1, "d", "u", "topsecret");
        assertThat(e.toString()).doesNotContain("topsecret").isEqualTo("postgresql://u@h:1/d");
    }

    @Test
    void rejectsOtherSchemes() {
        assertThatThrownBy(() -> DatabaseEndpoint.parse("mysql://u:p@h/d"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
