package io.slipway.drivers.kubernetes;

import static io.slipway.drivers.kubernetes.K8sFixtures.failure;
import static io.slipway.drivers.kubernetes.K8sFixtures.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.kubernetes.KubernetesDriver;
import io.slipway.drivers.spi.kubernetes.KubernetesDriverProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The requests the driver sends and how it reads the answers, against {@link K8sApiStub}. */
class K8sNodeLabelDriverTest {

    private static Vertx vertx;
    private static K8sApiStub api;
    private static KubernetesDriver driver;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        api = join(new K8sApiStub(vertx).start(false));
        driver = create(new JsonObject().put("token", K8sApiStub.TOKEN).put("requestTimeoutMs", 500));
    }

    @AfterAll
    static void stop() {
        join(vertx.close());
    }

    @BeforeEach
    void reset() {
        api.labels.clear();
        api.labels.put(
                "node01",
                new JsonObject().put("kubernetes.io/hostname", "node01").put("old", "x"));
        api.seen.clear();
        api.token = K8sApiStub.TOKEN;
        api.failWith = 0;
        api.delayMs = 0;
    }

    static KubernetesDriver create(JsonObject config) {
        return new K8sNodeLabelDriverProvider()
                .create(
                        DriverContext.of(vertx),
                        new JsonObject().put("apiServer", api.url(false)).mergeIn(config));
    }

    @Test
    void labelsAreReadWithOneAuthenticatedGet() {
        assertThat(join(driver.labels("node01"))).containsEntry("old", "x").hasSize(2);
        assertThat(api.seen).singleElement().satisfies(rq -> {
            assertThat(rq.method()).isEqualTo("GET");
            assertThat(rq.path()).isEqualTo("/api/v1/nodes/node01");
            assertThat(rq.authorization()).isEqualTo("Bearer " + K8sApiStub.TOKEN);
        });
    }

    @Test
    void relabelSendsOneMergePatchThatSetsAndRemoves() {
        Map<String, String> after =
                join(driver.relabel("node01", Map.of("role", "compute", "slipway.io/rack", "r1"), Set.of("old")));
        assertThat(after)
                .containsOnly(
                        Map.entry("kubernetes.io/hostname", "node01"),
                        Map.entry("role", "compute"),
                        Map.entry("slipway.io/rack", "r1"));
        assertThat(api.seen).singleElement().satisfies(rq -> {
            assertThat(rq.method()).isEqualTo("PATCH");
            assertThat(rq.path()).isEqualTo("/api/v1/nodes/node01");
            assertThat(rq.contentType()).isEqualTo("application/merge-patch+json");
            assertThat(rq.authorization()).isEqualTo("Bearer " + K8sApiStub.TOKEN);
            assertThat(new JsonObject(rq.body()))
                    .isEqualTo(
                            new JsonObject(
                                    "{\"metadata\":{\"labels\":{\"role\":\"compute\",\"slipway.io/rack\":\"r1\",\"old\":null}}}"));
        });
    }

    @Test
    void aSecondRelabelChangesNothing() {
        Map<String, String> first = join(driver.relabel("node01", Map.of("role", "compute"), Set.of("old")));
        JsonObject stored = api.labels.get("node01").copy();
        Map<String, String> second = join(driver.relabel("node01", Map.of("role", "compute"), Set.of("old")));
        assertThat(second).isEqualTo(first);
        assertThat(api.labels.get("node01")).isEqualTo(stored);
        assertThat(api.seen)
                .hasSize(2)
                .allMatch(rq -> rq.body().equals(api.seen.get(0).body()));
    }

    @Test
    void badKeysAndValuesAreRefusedWithoutARequest() {
        for (Map<String, String> bad : new Map[] {
            Map.of("-role", "x"), Map.of("Bad_Prefix/role", "x"), Map.of("role", "has space"),
            Map.of("role", "v".repeat(64)), Map.of("a/b/c", "x"), Map.of("", "x")
        }) {
            DriverException e = failure(driver.relabel("node01", bad, Set.of()));
            assertThat(e.kind()).as(bad.toString()).isEqualTo(Kind.REFUSED);
            assertThat(e.retriable()).isFalse();
        }
        assertThat(failure(driver.relabel("node01", Map.of("role", "x"), Set.of("role")))
                        .kind())
                .isEqualTo(Kind.REFUSED);
        assertThat(failure(driver.relabel("Node_01", Map.of(), Set.of())).kind())
                .isEqualTo(Kind.REFUSED);
        assertThat(failure(driver.labels("../nodes")).kind()).isEqualTo(Kind.REFUSED);
        assertThat(api.seen).isEmpty();
        join(driver.relabel("node01", Map.of("slipway.io/empty", "", "a.b_c-d", "A.b-9"), Set.of()));
    }

    @Test
    void statusesMapToKinds() {
        assertThat(failure(driver.labels("node99"))).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.REFUSED);
            assertThat(e.completionCode()).hasValue(404);
            assertThat(e.getMessage()).contains("nodes \"node99\" not found");
        });
        api.token = "another";
        assertThat(failure(driver.labels("node01")).kind()).isEqualTo(Kind.AUTH);
        api.token = K8sApiStub.TOKEN;
        Map<Integer, Kind> kinds =
                Map.of(403, Kind.AUTH, 409, Kind.REFUSED, 422, Kind.REFUSED, 500, Kind.FAILED, 503, Kind.FAILED);
        kinds.forEach((status, kind) -> {
            api.failWith = status;
            DriverException e = failure(driver.relabel("node01", Map.of("role", "x"), Set.of()));
            assertThat(e.kind()).as("HTTP %d", status).isEqualTo(kind);
            assertThat(e.completionCode()).hasValue(status);
            assertThat(e.retriable()).as("HTTP %d retriable", status).isEqualTo(status >= 500 || status == 409);
        });
    }

    @Test
    void isFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(KubernetesDriverProvider.class).stream()
                        .map(p -> p.get().type()))
                .containsExactly("kubernetes");
    }
}
