package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.LabOobDriver;
import io.slipway.drivers.lab.LabOobDriverProvider;
import io.slipway.drivers.netboot.FakeNode;
import io.slipway.drivers.netboot.ImageRegistry;
import io.slipway.drivers.netboot.NetbootConfig;
import io.slipway.drivers.netboot.NetbootNodeDriver;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.engine.Engine;
import io.slipway.engine.EngineConfig;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.dispatch.DriverSet;
import io.slipway.engine.dispatch.RetryPolicy;
import io.slipway.engine.dispatch.StepTimeouts;
import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.rules.RuleSet;
import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine with the netboot driver and real Postgres, over real HTTP: two lab-site nodes (machines
 * speaking the wire contract; their BMCs simulated) go verify_site → prepare_site → deploy_nodes →
 * deployed and destroy_nodes → available, as the lifecycle rules decide for a driver that needs the
 * engine's boots. The proof with qemu and ipmi_sim is a separate test.
 */
@ExtendWith(PostgresExtension.class)
class NetbootEngineIT {
    private static final String TOKEN = "test-token";

    @Test
    void labSiteNodesAreDeployedAndDestroyedThroughTheEngine(StoreHandle store) throws Exception {
        Vertx vertx = Vertx.vertx();
        Path dir = Files.createTempDirectory("netboot-engine");
        Files.createDirectories(dir.resolve("art"));
        Files.writeString(dir.resolve("art/vmlinuz"), "k");
        Files.writeString(dir.resolve("art/initrd.gz"), "i");
        byte[] image = new byte[2 * 1024 * 1024];
        new Random(11).nextBytes(image);
        Files.write(dir.resolve("jammy.img"), image);
        ImageRegistry.Image jammy =
                new ImageRegistry(dir.resolve("images")).add("jammy", dir.resolve("jammy.img"), "raw");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        AtomicReference<Handler<HttpServerRequest>> nodeRoutes = new AtomicReference<>();
        NetbootNodeDriver netboot = new NetbootNodeDriver(
                vertx,
                Clock.systemUTC(),
                store.driverState(),
                req -> nodeRoutes.get().handle(req),
                NetbootConfig.from(new JsonObject()
                        .put("port", port)
                        .put("baseUrl", base)
                        .put("artefactsDir", dir.resolve("art").toString())
                        .put("imagesDir", dir.resolve("images").toString())
                        .put("commissionTimeoutS", 30)
                        .put("deployTimeoutS", 30)
                        .put("bootedTimeoutS", 30)
                        .put("eraseTimeoutS", 30)));
        result(netboot.listen());

        Path rules = ApiHarness.repoRoot().resolve("rules");
        RuleSet validation = RuleBook.compile(rules.resolve("validation"));
        RuleSet lifecycle = RuleBook.compile(rules.resolve("lifecycle"));
        LabOobDriver bmcs = (LabOobDriver) new LabOobDriverProvider().create(DriverContext.of(vertx), new JsonObject());
        DriverSet drivers = new DriverSet(vertx, DriverRegistry.load(), new JsonObject(), "lab", netboot, null, null)
                .withOob("lab", bmcs);
        EngineConfig config = EngineConfig.defaults()
                .withRetry(new RetryPolicy(50, 200, 3))
                .withTimeouts(StepTimeouts.of(10_000, 40_000))
                .withIntervals(100, 600_000);
        Engine engine = result(Engine.start(vertx, store, config, drivers, validation, lifecycle, "netboot-it"));
        ApiContext api = new ApiContext(
                vertx,
                io.slipway.engine.leadership.LeaderView.fixed(engine),
                store,
                new DesignLoader(),
                validation,
                permission -> ctx -> {
                    if (("Bearer " + TOKEN).equals(ctx.request().getHeader("Authorization"))) {
                        ctx.next();
                    } else {
                        ctx.fail(401);
                    }
                },
                (ctx, permission) -> true,
                false,
                io.slipway.engine.bootaction.BootActionService.create(
                        vertx, store, engine.sites()::get, io.slipway.engine.bootaction.BootActionConfig.defaults()));
        nodeRoutes.set(Routes.nodeFacing(api));
        ApiServer server = result(ApiServer.start(api, "127.0.0.1", 0));
        WebClient http = WebClient.create(vertx);
        List<FakeNode> machines =
                List.of(machine("ctl01", "52:54:00:00:00:0b", base), machine("ctl02", "52:54:00:00:00:0c", base));
        try {
            machines.forEach(FakeNode::powerOnInPxeLoop);
            String site = Files.readString(ApiHarness.repoRoot().resolve("site-examples/lab-site.yaml"));
            HttpResponse<Buffer> up =
                    send(http, server, "POST", "/api/v1.0/designs?name=lab-site.yaml", site, "application/yaml");
            String ref = up.bodyAsJsonObject().getString("design_ref");
            JsonObject filter = new JsonObject()
                    .put("filter_set_type", "union")
                    .put(
                            "filter_set",
                            new JsonArray()
                                    .add(new JsonObject()
                                            .put("filter_type", "union")
                                            .put(
                                                    "node_names",
                                                    new JsonArray().add("ctl01").add("ctl02"))));
            for (String action : List.of("verify_site", "prepare_site", "deploy_nodes")) {
                JsonObject task = task(http, server, action, ref, filter);
                assertThat(task.getJsonObject("result").getString("status"))
                        .as(action + ": " + task.encodePrettily())
                        .isEqualTo("success");
            }
            long revision = Long.parseLong(ref.substring(ref.indexOf(':') + 1));
            JsonObject ctl01 = send(http, server, "GET", "/api/v1.0/nodes/ctl01", null, null)
                    .bodyAsJsonObject();
            assertThat(ctl01.getString("state")).isEqualTo("deployed");
            assertThat(ctl01.getJsonObject("deployed_from")).isNotNull();
            assertThat(ctl01.getJsonObject("deployed_from").getString("image")).isEqualTo("jammy");
            assertThat(ctl01.getJsonObject("deployed_from").getString("sha256")).isEqualTo(jammy.sha256());
            assertThat(ctl01.getJsonObject("deployed_from").getLong("design_revision"))
                    .isEqualTo(revision);
            String buildData = send(http, server, "GET", "/api/v1.0/nodes/ctl01/builddata?latest=true", null, null)
                    .bodyAsString();
            assertThat(buildData)
                    .contains("slipway-netboot-agent")
                    .contains("52:54:00:00:00:0b")
                    .contains("0000:02:00.0")
                    .contains("480103981056")
                    .contains("\\\"pxe_nic\\\" : \\\"eno1\\\"")
                    .contains("\\\"bootdisk\\\" : \\\"sda\\\"");
            String timeline = send(http, server, "GET", "/api/v1.0/nodes/ctl01/timeline", null, null)
                    .bodyAsString();
            assertThat(timeline)
                    .contains("boot_agent: the agent is running: no boot needed")
                    .contains("boot_disk: booting the installed disk")
                    .contains("await_booted: first boot reported");
            assertThat(machines.get(0).networkConfig)
                    .contains("macaddress: \"b8:59:9f:00:0b:10\"")
                    .contains("addresses: [10.22.0.11/24]");

            JsonObject destroy = task(http, server, "destroy_nodes", ref, filter);
            assertThat(destroy.getJsonObject("result").getString("status"))
                    .as(destroy.encodePrettily())
                    .isEqualTo("success");
            JsonObject after = send(http, server, "GET", "/api/v1.0/nodes/ctl02", null, null)
                    .bodyAsJsonObject();
            assertThat(after.getString("state")).isEqualTo("available");
            assertThat(after.getString("power_state")).isEqualTo("off");
            assertThat(machines).allSatisfy(m -> {
                assertThat(m.inspections.get()).isEqualTo(1);
                assertThat(m.deploys.get()).isEqualTo(1);
                assertThat(m.erases.get()).isEqualTo(1);
            });
        } finally {
            machines.forEach(FakeNode::stop);
            result(server.close());
            result(engine.stop());
            result(netboot.close());
            result(vertx.close());
        }
    }

    /** A gen10 machine as the agent would report it: the HardwareProfile's PCI and SCSI addresses. */
    private static FakeNode machine(String name, String mac, String base) {
        String tail = mac.substring(mac.length() - 2);
        JsonObject inv = new JsonObject()
                .put(
                        "nics",
                        new JsonArray()
                                .add(nic("eno1", mac, "0000:02:00.0", "tg3"))
                                .add(nic("ens5f0", "b8:59:9f:00:" + tail + ":10", "0000:5d:00.0", "mlx5_core"))
                                .add(nic("ens5f1", "b8:59:9f:00:" + tail + ":11", "0000:5d:00.1", "mlx5_core")))
                .put(
                        "disks",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("name", "sda")
                                        .put("size_bytes", 480103981056L)
                                        .put("model", "LOGICAL VOLUME")
                                        .put("serial", "PDNLH0" + tail)
                                        .put("by_path", "pci-0000:5c:00.0-scsi-0:2:0:0")
                                        .put("pci", "0000:5c:00.0")
                                        .put("scsi", "0:2:0:0")
                                        .put("rotational", false)))
                .put("cpu", new JsonObject().put("count", 88).put("model", "Intel(R) Xeon(R) Gold 6152"))
                .put("memory_kib", 394000000L)
                .put(
                        "dmi",
                        new JsonObject()
                                .put("vendor", "HPE")
                                .put("product", "ProLiant DL360 Gen10")
                                .put("serial", "CZ" + tail));
        NodeSpec spec =
                new NodeSpec(name, null, mac, "ipmi", null, Map.of(), null, List.of(), null, null, List.of(), Map.of());
        return new FakeNode(spec, base, inv, true);
    }

    private static JsonObject nic(String name, String mac, String pci, String driver) {
        return new JsonObject()
                .put("name", name)
                .put("mac", mac)
                .put("pci", pci)
                .put("driver", driver)
                .put("link", true)
                .put("speed_mbps", 25000);
    }

    private static JsonObject task(WebClient http, ApiServer server, String action, String ref, JsonObject filter)
            throws InterruptedException {
        HttpResponse<Buffer> created = send(
                http,
                server,
                "POST",
                "/api/v1.0/tasks",
                new JsonObject().put("action", action).put("design_ref", ref).put("node_filter", filter),
                "application/json");
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        String id = created.bodyAsJsonObject().getString("task_id");
        for (int i = 0; i < 1200; i++) {
            JsonObject t = send(http, server, "GET", "/api/v1.0/tasks/" + id, null, null)
                    .bodyAsJsonObject();
            if (List.of("complete", "terminated").contains(t.getString("status"))) {
                return t;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task " + action + " did not finish");
    }

    private static HttpResponse<Buffer> send(
            WebClient http, ApiServer server, String method, String path, Object body, String type) {
        var req = http.request(io.vertx.core.http.HttpMethod.valueOf(method), server.port(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + TOKEN);
        if (body == null) {
            return result(req.send());
        }
        req.putHeader("Content-Type", type);
        return result(req.sendBuffer(Buffer.buffer(body instanceof JsonObject j ? j.encode() : body.toString())));
    }
}
