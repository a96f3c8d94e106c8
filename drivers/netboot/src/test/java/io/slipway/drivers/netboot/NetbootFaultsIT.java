package io.slipway.drivers.netboot;

import static io.slipway.drivers.netboot.NetbootFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpecs;
import io.slipway.drivers.spi.node.NodeStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults on the server side, over real HTTP on loopback: bad hashes, restarts, tokens, unknown MACs, ranges. */
class NetbootFaultsIT {
    private NetbootFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new NetbootFixture();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private FakeNode commissioned(int index) {
        NodeSpec spec = NodeSpecs.node(index);
        FakeNode node = new FakeNode(spec, fx.base);
        await(fx.driver.identify(spec));
        node.boot();
        await(fx.driver.commission(spec));
        for (ApplyStep s : ApplyStep.values()) {
            await(fx.driver.apply(spec, s));
        }
        return node;
    }

    private static DriverException failure(Future<?> f) throws Exception {
        try {
            f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return (DriverException) e.getCause();
        }
    }

    @Test
    void aHashMismatchEndsTheDeploymentWithTheAgentsReasonAndNothingWaits() throws Exception {
        FakeNode node = commissioned(1);
        node.corruptNextImage = "0".repeat(64);

        DriverException e = failure(fx.driver.deploy(node.spec));

        assertThat(e.kind()).isEqualTo(DriverException.Kind.REFUSED);
        assertThat(e.getMessage()).contains("verify failed: expected ").contains(" got " + "0".repeat(64));
        assertThat(e.retriable())
                .as("the same image would fail again: the engine holds the node instead of rewriting it")
                .isFalse();
        assertThat(e.getMessage()).contains("restore or re-register it, then release the node");
        assertThat(await(fx.driver.status(node.spec)).phase()).isEqualTo(NodeStatus.Phase.FAILED);
        assertThat(await(fx.driver.armAgent(node.spec)))
                .as("the agent stays, ready for a retry")
                .isTrue();
        assertThat(await(fx.driver.deploy(node.spec)).phase()).isEqualTo(NodeStatus.Phase.DEPLOYING);
        assertThat(node.bootInstalledOs()).isEqualTo(204);
        assertThat(await(fx.driver.awaitBooted(node.spec)).phase()).isEqualTo(NodeStatus.Phase.DEPLOYED);
    }

    @Test
    void aFailedImageWriteIsRetriedAndSaysNothingAboutReleasing() throws Exception {
        FakeNode node = commissioned(1);
        node.failNextDeploy = "wget: server returned error: HTTP/1.1 503 Service Unavailable";

        DriverException e = failure(fx.driver.deploy(node.spec));

        assertThat(e.kind()).isEqualTo(DriverException.Kind.REFUSED);
        assertThat(e.retriable()).isTrue();
        assertThat(e.getMessage())
                .contains("write-image failed: wget: server returned error")
                .doesNotContain("release");
        assertThat(await(fx.driver.deploy(node.spec)).phase()).isEqualTo(NodeStatus.Phase.DEPLOYING);
    }

    @Test
    void aRestartedServerFinishesTheDeploymentWithTheSameTokens() throws Exception {
        FakeNode node = commissioned(2);
        await(fx.driver.close());
        NetbootNodeDriver restarted = fx.start();
        fx.driver = restarted;

        assertThat(await(restarted.armAgent(node.spec)))
                .as("agent still polling after the restart")
                .isTrue();
        NodeStatus written = await(restarted.deploy(node.spec));
        assertThat(written.phase()).isEqualTo(NodeStatus.Phase.DEPLOYING);
        await(restarted.close());
        fx.driver = fx.start();
        assertThat(node.bootInstalledOs())
                .as("the seed's token survives the restart")
                .isEqualTo(204);
        NodeStatus deployed = await(fx.driver.awaitBooted(node.spec));
        assertThat(deployed.phase()).isEqualTo(NodeStatus.Phase.DEPLOYED);
        assertThat(await(fx.driver.deployedImage(node.spec)).image()).isEqualTo("jammy");
        assertThat(node.unauthorized.get()).isZero();
    }

    @Test
    void tokensAreRefusedOnceTheirJobIsOverAndUnknownMacsAreRecorded() throws Exception {
        FakeNode node = commissioned(3);
        await(fx.driver.deploy(node.spec));
        assertThat(node.bootInstalledOs()).isEqualTo(204);
        await(fx.driver.awaitBooted(node.spec));

        assertThat(node.bootInstalledOs()).as("booted twice").isEqualTo(401);
        assertThat(node.get("/agent/v1/job", node.lastToken).statusCode())
                .as("the agent's token after its job")
                .isEqualTo(401);
        assertThat(node.get("/agent/v1/job", "made-up-token-made-up-token").statusCode())
                .isEqualTo(401);
        assertThat(node.get("/boot/ipxe/" + node.spec.bootMac(), null).body())
                .contains("exit")
                .doesNotContain("kernel");

        String script = node.get("/boot/ipxe/02-00-00-00-00-99", null).body();
        assertThat(script).startsWith("#!ipxe\necho ").endsWith("exit\n");
        JsonObject event = await(fx.store.get(NetbootState.UNKNOWN_MAC, "02:00:00:00:00:99"))
                                .value()
                        == null
                ? null
                : new JsonObject(await(fx.store.get(NetbootState.UNKNOWN_MAC, "02:00:00:00:00:99"))
                        .value());
        assertThat(event.getLong("count")).isEqualTo(1);
        assertThat(await(fx.store.list(NetbootState.TOKEN)))
                .allSatisfy(t -> assertThat(t.key()).hasSize(64).isHexadecimal());
    }

    @Test
    void aNodeThatNeverReachesTheAgentTimesOutSayingHowFarItGotAndStaysArmed() throws Exception {
        NetbootFixture quick = new NetbootFixture(
                new io.slipway.drivers.spi.state.MemoryDriverStateStore(),
                new JsonObject().put("commissionTimeoutS", 1));
        try {
            NodeSpec spec = NodeSpecs.node(5);
            await(quick.driver.identify(spec));
            DriverException never = failure(quick.driver.commission(spec));
            assertThat(never.kind()).isEqualTo(DriverException.Kind.TIMEOUT);
            assertThat(never.retriable()).isTrue();
            assertThat(never.getMessage()).contains("never asked for its boot script");

            FakeNode node = new FakeNode(spec, quick.base);
            node.boot();
            assertThat(await(quick.driver.commission(spec)).generator())
                    .as("the retry finds the job still armed")
                    .isEqualTo("slipway-netboot-agent");
            node.stop();
        } finally {
            quick.close();
        }
    }

    @Test
    void imagesAreListedWithTheirHashAndServedInRanges() throws Exception {
        FakeNode client = new FakeNode(NodeSpecs.node(4), fx.base);
        JsonArray list = new JsonArray(client.get("/boot/images", null).body());
        String sha = list.getJsonObject(0).getString("sha256");
        assertThat(list.getJsonObject(0).getString("name")).isEqualTo("jammy");

        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(fx.base + "/boot/images/jammy"))
                        .header("Range", "bytes=1048576-")
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("X-Checksum-Sha256")).hasValue(sha);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 1048576-3145744/3145745");
        byte[] whole = java.nio.file.Files.readAllBytes(fx.dir.resolve("images/jammy.img"));
        assertThat(r.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 1048576, whole.length));
        var bad = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(fx.base + "/boot/images/jammy"))
                        .header("Range", "bytes=9999999-")
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(bad.statusCode()).isEqualTo(416);
        assertThat(client.get("/boot/files/vmlinuz", null).body()).isEqualTo("kernel");
        assertThat(client.get("/boot/files/..%2Fimages.json", null).statusCode())
                .isEqualTo(404);
    }
}
