package io.slipway.engine.bootaction;

import static io.slipway.store.testing.Await.failure;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.bootaction.BootActionBundle.Kind;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.Fence;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Boot actions end to end on Postgres: contexts created at deploy, fetched and reported by nodes,
 * including the case Drydock answers with a 500: the design changed after the node was deployed.
 */
@ExtendWith(PostgresExtension.class)
class BootActionIT {
    private static final String EXTRA = """
      ---
      schema: drydock/BootAction/v1
      metadata: {name: extra}
      data:
        signaling: false
        assets:
          - {path: /etc/extra, type: file, data: added later, data_pipeline: [utf8_decode]}
      """;
    private static StoreHandle store;
    private static Vertx vertx;
    private static Fence fence;
    private static final Set<Long> loaded = ConcurrentHashMap.newKeySet();
    private static BootActionContexts contexts;
    private static BootActionService service;

    @BeforeAll
    static void setUp(StoreHandle s, Vertx v) {
        store = s;
        vertx = v;
        fence = result(store.leaderEpoch().advance("boot-action-it"));
        contexts = BootActionContexts.create(store.bootActions());
        Function<Long, Future<SiteModel>> sites = rev -> {
            loaded.add(rev);
            return store.designs()
                    .find(rev)
                    .compose(r -> vertx.executeBlocking(
                            () -> BootActionFixtures.models().compile(r.id(), r.sourceRef(), r.documents()), false));
        };
        service = BootActionService.create(
                vertx,
                store,
                sites,
                BootActionConfig.defaults().withReportUrl("http://slipway.test/api/v1.0/bootactions"));
    }

    private static long save(String ref, String text) {
        return result(store.designs().save(ref, text)).id();
    }

    private static IssuedContext deploy(long revision, String node) {
        Task task = result(store.tasks().create(Task.request("deploy_nodes", revision, null, "it", null)));
        var design = result(store.designs().find(revision));
        SiteModel site = BootActionFixtures.models().compile(design.id(), design.sourceRef(), design.documents());
        return result(contexts.create(site, task, node, fence));
    }

    private static Map<String, String> files(String node, String key, Kind kind) {
        Map<String, String> out = new java.util.TreeMap<>();
        TarEntries.read(result(service.fetch(node, key, kind)).data()).forEach(e -> out.put(e.name(), e.content()));
        return out;
    }

    private static BootActionProblem.Kind kindOf(Future<?> f) {
        Throwable t = failure(f);
        assertThat(t).isInstanceOf(BootActionProblem.class);
        return ((BootActionProblem) t).kind();
    }

    @Test
    void aDeployedNodeKeepsGettingItsRevisionAfterTheDesignChanges() {
        long revA = save("lab-a", BootActionFixtures.labSite());
        IssuedContext ctx = deploy(revA, "stor10");
        assertThat(ctx.actionIds()).containsOnlyKeys("motd", "node-exporter", "ceph-prep");
        assertThat(ctx.packages()).containsExactly("prometheus-node-exporter", "chrony=4.2-2ubuntu2");
        assertThat(ctx.keyHex()).hasSize(64).isLowerCase();
        assertThat(ctx.toString()).doesNotContain(ctx.keyHex());
        byte[] before =
                result(service.fetch("stor10", ctx.keyHex(), Kind.FILES)).data();

        String changed =
                BootActionFixtures.labSite().replace("is managed by Slipway.", "is managed by someone else.") + EXTRA;
        long revB = save("lab-b", changed);
        assertThat(revB).isNotEqualTo(revA);

        assertThat(result(service.fetch("stor10", ctx.keyHex(), Kind.FILES)).data())
                .isEqualTo(before);
        Map<String, String> files = files("stor10", ctx.keyHex(), Kind.FILES);
        assertThat(files).containsOnlyKeys("etc/motd", "etc/sysctl.d/90-ceph.conf");
        assertThat(files.get("etc/motd")).startsWith("stor10 (").endsWith(") is managed by Slipway.\n");
        assertThat(files.get("etc/sysctl.d/90-ceph.conf")).isEqualTo("vm.max_map_count = 524288\n");
        assertThat(files("stor10", ctx.keyHex(), Kind.UNITS))
                .containsOnlyKeys("etc/systemd/system/node-exporter.service");
        assertThat(loaded).contains(revA).doesNotContain(revB);

        IssuedContext redeployed = deploy(revB, "stor10");
        assertThat(files("stor10", redeployed.keyHex(), Kind.FILES))
                .containsEntry("etc/extra", "added later")
                .hasEntrySatisfying("etc/motd", m -> assertThat(m).endsWith("someone else.\n"));
        assertThat(kindOf(service.fetch("stor10", ctx.keyHex(), Kind.FILES)))
                .isEqualTo(BootActionProblem.Kind.FORBIDDEN);
    }

    @Test
    void concurrentFetchesGetNodeSpecificContent() {
        long rev = save("lab-a", BootActionFixtures.labSite());
        List<String> nodes = List.of("stor11", "stor12", "cmp08", "cmp09");
        Map<String, String> keys = new ConcurrentHashMap<>();
        nodes.forEach(n -> keys.put(n, deploy(rev, n).keyHex()));
        List<Future<BootActionBundle>> fetches = nodes.stream()
                .map(n -> service.fetch(n, keys.get(n), Kind.FILES))
                .toList();
        result(Future.all(fetches));
        for (int i = 0; i < nodes.size(); i++) {
            String motd = TarEntries.read(fetches.get(i).result().data()).stream()
                    .filter(e -> e.name().equals("etc/motd"))
                    .findFirst()
                    .orElseThrow()
                    .content();
            assertThat(motd).startsWith(nodes.get(i) + " (");
        }
    }

    @Test
    void keysAndNodesAreCheckedBeforeAnythingRenders() {
        long rev = save("lab-a", BootActionFixtures.labSite());
        String key = deploy(rev, "ctl01").keyHex();
        String other = "0".repeat(64);
        assertThat(kindOf(service.fetch("ctl01", null, Kind.FILES))).isEqualTo(BootActionProblem.Kind.UNAUTHORIZED);
        assertThat(kindOf(service.fetch("ctl01", " ", Kind.FILES))).isEqualTo(BootActionProblem.Kind.UNAUTHORIZED);
        assertThat(kindOf(service.fetch("ctl01", "not-hex", Kind.FILES))).isEqualTo(BootActionProblem.Kind.FORBIDDEN);
        assertThat(kindOf(service.fetch("ctl01", "zz".repeat(32), Kind.FILES)))
                .isEqualTo(BootActionProblem.Kind.FORBIDDEN);
        assertThat(kindOf(service.fetch("ctl01", other, Kind.FILES))).isEqualTo(BootActionProblem.Kind.FORBIDDEN);
        assertThat(kindOf(service.fetch("nosuchnode", other, Kind.FILES))).isEqualTo(BootActionProblem.Kind.NOT_FOUND);
        assertThat(kindOf(service.fetch("stor12-never-deployed", key, Kind.FILES)))
                .isEqualTo(BootActionProblem.Kind.NOT_FOUND);
        assertThat(files("ctl01", key.toUpperCase(), Kind.FILES)).containsOnlyKeys("etc/motd");
    }

    @Test
    void assetsThatCannotRenderAreUnprocessableAndNamed() {
        String broken = BootActionFixtures.labSite() + """
        ---
        schema: drydock/BootAction/v1
        metadata: {name: broken}
        data:
          assets:
            - {path: /etc/broken, type: file, data: '{{ node.network.nowhere.ip }}', data_pipeline: [template]}
        """;
        String key = deploy(save("broken", broken), "ctl01").keyHex();
        Throwable t = failure(service.fetch("ctl01", key, Kind.FILES));
        assertThat(t)
                .isInstanceOfSatisfying(
                        BootActionProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(BootActionProblem.Kind.UNPROCESSABLE))
                .hasMessageContaining("broken")
                .hasMessageContaining("/etc/broken")
                .hasMessageContaining("node.network.nowhere.ip");
        assertThat(files("ctl01", key, Kind.UNITS)).containsOnlyKeys("etc/systemd/system/node-exporter.service");

        String clash = BootActionFixtures.labSite() + EXTRA.replace("/etc/extra", "/etc/motd");
        String key2 = deploy(save("clash", clash), "cmp08").keyHex();
        assertThat(failure(service.fetch("cmp08", key2, Kind.FILES)))
                .hasMessageContaining("/etc/motd")
                .hasMessageContaining("motd")
                .hasMessageContaining("extra");
    }

    @Test
    void aSignalingActionAcceptsOneReport() {
        long rev = save("lab-a", BootActionFixtures.labSite());
        IssuedContext ctx = deploy(rev, "cmp09");
        UUID exporter = ctx.actionIds().get("node-exporter");
        UUID motd = ctx.actionIds().get("motd");
        String key = ctx.keyHex();
        assertThat(kindOf(service.report("cmp09", exporter, "success", null)))
                .isEqualTo(BootActionProblem.Kind.UNAUTHORIZED);
        assertThat(kindOf(service.report("cmp09", exporter, "success", "1".repeat(64))))
                .isEqualTo(BootActionProblem.Kind.FORBIDDEN);
        assertThat(kindOf(service.report("cmp09", exporter, "done", key)))
                .isEqualTo(BootActionProblem.Kind.UNPROCESSABLE);
        assertThat(kindOf(service.report("cmp09", UUID.randomUUID(), "success", key)))
                .isEqualTo(BootActionProblem.Kind.NOT_FOUND);

        assertThat(result(service.report("cmp09", exporter, "Success", key)).status())
                .isEqualTo("success");
        assertThat(result(service.report("cmp09", exporter, "success", key)).status())
                .isEqualTo("success");
        assertThat(kindOf(service.report("cmp09", exporter, "failure", key)))
                .isEqualTo(BootActionProblem.Kind.CONFLICT);
        assertThat(kindOf(service.report("cmp09", motd, "success", key))).isEqualTo(BootActionProblem.Kind.CONFLICT);

        IssuedContext again = deploy(rev, "cmp09");
        assertThat(kindOf(service.report("cmp09", exporter, "failure", again.keyHex())))
                .isEqualTo(BootActionProblem.Kind.NOT_FOUND);
        assertThat(result(service.report("cmp09", again.actionIds().get("node-exporter"), "failure", again.keyHex()))
                        .status())
                .isEqualTo("failure");
    }

    @Test
    void aContextMustComeFromTheTasksOwnRevision() {
        long rev = save("lab-a", BootActionFixtures.labSite());
        Task task = result(store.tasks().create(Task.request("deploy_nodes", rev, null, "it", null)));
        SiteModel other = BootActionFixtures.models().compile(rev + 1000, "x", BootActionFixtures.labSite());
        assertThat(failure(contexts.create(other, task, "cmp08", fence))).isInstanceOf(IllegalArgumentException.class);
        SiteModel site = BootActionFixtures.models().compile(rev, "x", BootActionFixtures.labSite());
        assertThat(failure(contexts.create(site, task, "nope", fence))).isInstanceOf(IllegalArgumentException.class);
    }
}
