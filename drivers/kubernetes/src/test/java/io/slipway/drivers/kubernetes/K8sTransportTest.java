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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token files, TLS verification and transport failures of the Kubernetes driver. */
class K8sTransportTest {

    private static Vertx vertx;
    private static K8sApiStub api;
    private static KubernetesDriver driver;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        api = join(new K8sApiStub(vertx).start(false));
        api.labels.put("node01", new JsonObject().put("old", "x"));
        driver = create(new JsonObject().put("token", K8sApiStub.TOKEN).put("requestTimeoutMs", 500));
    }

    @AfterAll
    static void stop() {
        join(vertx.close());
    }

    @BeforeEach
    void reset() {
        api.token = K8sApiStub.TOKEN;
        api.delayMs = 0;
    }

    static KubernetesDriver create(JsonObject config) {
        return new K8sNodeLabelDriverProvider()
                .create(
                        DriverContext.of(vertx),
                        new JsonObject().put("apiServer", api.url(false)).mergeIn(config));
    }

    @Test
    void theTokenIsReadFromItsFileForEveryRequest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, K8sApiStub.TOKEN + "\n");
        KubernetesDriver fromFile = create(new JsonObject().put("tokenFile", file.toString()));
        assertThat(join(fromFile.labels("node01"))).containsKey("old");
        api.token = "rotated";
        Files.writeString(file, "rotated");
        assertThat(join(fromFile.labels("node01"))).containsKey("old");
        KubernetesDriver noToken =
                create(new JsonObject().put("tokenFile", dir.resolve("missing").toString()));
        assertThat(failure(noToken.labels("node01")).kind()).isEqualTo(Kind.AUTH);
    }

    @Test
    void transportProblemsAreUnreachableOrTimeout() {
        api.delayMs = 1_500;
        DriverException slow = failure(driver.labels("node01"));
        assertThat(slow.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(slow.retriable()).isTrue();
        String url = "http://127.0.0.1:" + closedPort();
        KubernetesDriver nowhere = new K8sNodeLabelDriverProvider()
                .create(
                        DriverContext.of(vertx),
                        new JsonObject().put("apiServer", url).put("token", "t"));
        DriverException e = failure(nowhere.labels("node01"));
        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.retriable()).isTrue();
    }

    /** A loopback port nothing listens on: bound, then closed synchronously, so no accept can race the test. */
    private static int closedPort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void tlsIsVerifiedAgainstTheGivenCa() {
        K8sApiStub secure = join(new K8sApiStub(vertx).start(true));
        secure.labels.put("node01", new JsonObject().put("role", "x"));
        JsonObject base = new JsonObject().put("apiServer", secure.url(true)).put("token", K8sApiStub.TOKEN);
        KubernetesDriverProvider provider = new K8sNodeLabelDriverProvider();
        assertThat(join(provider.create(DriverContext.of(vertx), base.copy().put("caPem", secure.caPem()))
                        .labels("node01")))
                .containsKey("role");
        assertThat(join(provider.create(DriverContext.of(vertx), base.copy().put("trustAll", true))
                        .labels("node01")))
                .containsKey("role");
        DriverException untrusted =
                failure(provider.create(DriverContext.of(vertx), base).labels("node01"));
        assertThat(untrusted.kind()).isEqualTo(Kind.FAILED);
        assertThat(untrusted.retriable()).isFalse();
        join(secure.stop());
    }
}
