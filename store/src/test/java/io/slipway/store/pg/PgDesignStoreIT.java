package io.slipway.store.pg;

import static io.slipway.store.testing.Await.failureKind;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.DesignRevision;
import io.slipway.store.DesignStore;
import io.slipway.store.StoreException.Kind;
import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PgDesignStoreIT {

    private static final String SITE = """
      ---
      schema: drydock/Region/v1
      metadata:
        name: sitename
      data:
        tag_definitions: []
      ...
      """;

    private static DesignStore designs;

    @BeforeAll
    static void open(StoreHandle store) {
        designs = store.designs();
    }

    @Test
    void identicalContentIsTheSameRevision() {
        DesignRevision first = result(designs.save("file:///site/a.yaml", SITE));
        DesignRevision again = result(designs.save("deckhand+http://other/ref", SITE));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.sourceRef()).isEqualTo("file:///site/a.yaml");
        assertThat(first.contentHash()).isEqualTo(DesignRevision.hashOf(SITE));
        assertThat(first.documents()).isEqualTo(SITE);
    }

    @Test
    void differentContentIsANewRevision() {
        DesignRevision a = result(designs.save("upload", SITE + "# a\n"));
        DesignRevision b = result(designs.save("upload", SITE + "# b\n"));

        assertThat(b.id()).isGreaterThan(a.id());
        assertThat(result(designs.find(a.id()))).isEqualTo(a);
        assertThat(result(designs.recent(2))).extracting(DesignRevision::id).containsExactly(b.id(), a.id());
    }

    @Test
    void concurrentIngestsOfTheSameContentAgree() {
        String doc = SITE + "# concurrent\n";
        List<Future<DesignRevision>> saves = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            saves.add(designs.save("upload-" + i, doc));
        }
        assertThat(saves.stream().map(f -> result(f).id()).distinct()).hasSize(1);
    }

    @Test
    void unknownRevisionIsNotFound() {
        assertThat(failureKind(designs.find(Long.MAX_VALUE))).isEqualTo(Kind.NOT_FOUND);
    }
}
