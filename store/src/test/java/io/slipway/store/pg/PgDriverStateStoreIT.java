package io.slipway.store.pg;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.state.DriverStateStore;
import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PgDriverStateStoreIT {

    private static DriverStateStore state;

    @BeforeAll
    static void open(StoreHandle handle) {
        state = handle.driverState();
    }

    @Test
    void valuesAreVersionedListedByScopeAndDeleted() {
        String scope = "netboot/job-" + UUID.randomUUID();
        assertThat(result(state.get(scope, "cmp01"))).isNull();

        var first = result(state.put(scope, "cmp01", "{\"job\":\"inspect\"}"));
        var second = result(state.put(scope, "cmp01", "{\"job\":\"deploy\"}"));
        result(state.put(scope, "cmp02", "{}"));
        result(state.put(scope + "-other", "cmp03", "{}"));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(result(state.get(scope, "cmp01")).value()).isEqualTo("{\"job\":\"deploy\"}");
        assertThat(result(state.list(scope)))
                .extracting(DriverStateStore.Entry::key)
                .containsExactly("cmp01", "cmp02");
        assertThat(result(state.delete(scope, "cmp01"))).isTrue();
        assertThat(result(state.delete(scope, "cmp01"))).isFalse();
        assertThat(result(state.list(scope)))
                .extracting(DriverStateStore.Entry::key)
                .containsExactly("cmp02");
    }
}
