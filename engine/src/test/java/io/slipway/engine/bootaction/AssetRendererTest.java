package io.slipway.engine.bootaction;

import static io.slipway.engine.bootaction.BootActionFixtures.action;
import static io.slipway.engine.bootaction.BootActionFixtures.file;
import static io.slipway.engine.bootaction.BootActionFixtures.located;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.slipway.engine.design.model.BootAction.Asset;
import io.slipway.engine.fetch.FetchPolicy;
import io.slipway.engine.fetch.FetchSource;
import io.slipway.engine.site.SiteModel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering one asset: the node context, every pipeline segment, locations and the errors. */
class AssetRendererTest {
    private static SiteModel site;
    private static Map<String, Object> ctx;
    private final AssetRenderer renderer = AssetRenderer.create(BootActionConfig.defaults());
    private HttpServer http;

    @BeforeAll
    static void compile() {
        site = BootActionFixtures.smallSite();
        ctx = BootActionFixtures.context(site, "n1");
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    private String render(Asset asset) {
        return render(renderer, asset);
    }

    private static String render(AssetRenderer r, Asset asset) {
        return new String(r.render(action("ba", asset), asset, ctx), StandardCharsets.UTF_8);
    }

    @Test
    void templatesSeeTheWholeNodeAndActionContext() {
        String text = "{{ node.hostname }}.{{ node.domain }} tags={{ node.tags }} role={{ node.labels.role }}\n"
                + "pxe={{ node.network.pxe.ip }} {{ node.network.pxe.cidr }} {{ node.network.pxe.dns_suffix }}\n"
                + "default={{ node.network.default.ip }}\n"
                + "eth0={{ node.interfaces.eth0.sriov }}/{{ node.interfaces.eth0.vf_count }}/{{ node.interfaces.eth0.trustedmode }}\n"
                + "action={{ action.action_id }} {{ action.action_key }} {{ action.report_url }} {{ action.design_ref }}";
        assertThat(render(file("/etc/ctx", text, "template")))
                .isEqualTo("n1.local tags=['gpu', 'compute'] role=compute\n"
                        + "pxe=10.0.0.11 10.0.0.0/24 local\n"
                        + "default=10.0.0.11\n"
                        + "eth0=True/8/True\n"
                        + "action=a-1 " + "ab".repeat(32) + " http://slipway/api/v1.0/bootactions/ test://small");
    }

    @Test
    void interfacesWithoutSriovSayFalseAndZero() {
        Map<String, Object> lab = BootActionFixtures.context(
                BootActionFixtures.models().compile(2, "lab", BootActionFixtures.labSite()), "cmp08");
        Asset a = file(
                "/x",
                "{{ node.interfaces.bond0.sriov }} {{ node.interfaces.bond0.vf_count }} {{ node.network.default.ip }}",
                "template");
        assertThat(new String(renderer.render(action("ba", a), a, lab), StandardCharsets.UTF_8))
                .isEqualTo("False 0 10.22.0.18");
    }

    @Test
    void segmentsRunInOrder() {
        assertThat(render(file("/a", "hello", "base64_encode"))).isEqualTo("aGVsbG8=");
        assertThat(render(file("/a", "aGVs\n  bG8=\n", "base64_decode"))).isEqualTo("hello");
        assertThat(render(file(
                        "/a", "hi {{ node.hostname }}", "base64_encode", "base64_decode", "utf8_decode", "template")))
                .isEqualTo("hi n1");
        assertThat(render(file("/a", "e30ge3sgbm9kZS5ob3N0bmFtZSB9fQ==", "base64_decode", "template", "utf8_encode")))
                .isEqualTo("{} n1");
        assertThat(render(file("/a", "{{ node.hostname }}", "template", "base64_encode")))
                .isEqualTo("bjE=");
        assertThat(render(file("/a", "{{ not templated }}"))).isEqualTo("{{ not templated }}");
    }

    @Test
    void errorsNameTheBootActionTheAssetAndTheCause() {
        assertThatThrownBy(() -> render(file("/etc/motd", "{{ node.network.storage.ip }}", "template")))
                .isInstanceOfSatisfying(
                        BootActionProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(BootActionProblem.Kind.UNPROCESSABLE))
                .hasMessageContaining("boot action ba")
                .hasMessageContaining("/etc/motd")
                .hasMessageContaining("node.network.storage.ip");
        assertThatThrownBy(() -> render(file("/etc/b64", "not base64!", "base64_decode")))
                .hasMessageContaining("/etc/b64")
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> render(file("/etc/bin", "/w==", "base64_decode", "utf8_decode")))
                .hasMessageContaining("/etc/bin")
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> render(file("/etc/bin", "/w==", "base64_decode", "template")))
                .hasMessageContaining("template: data is not valid UTF-8");
        assertThatThrownBy(() -> render(file("/etc/x", "x", "rot13")))
                .hasMessageContaining("unknown pipeline segment 'rot13'");
        assertThatThrownBy(() -> render(file("/etc/t", "{{ node.hostname ", "template")))
                .hasMessageContaining("unclosed");
    }

    @Test
    void pkgListsRenderOnePackagePerLine() {
        Map<String, String> packages = new LinkedHashMap<>();
        packages.put("prometheus-node-exporter", null);
        packages.put("chrony", "4.2-2ubuntu2");
        Asset a = new Asset("pkg_list", null, null, null, packages, List.of(), List.of(), 0600);
        assertThat(render(a)).isEqualTo("prometheus-node-exporter\nchrony=4.2-2ubuntu2\n");
        assertThat(AssetRenderer.packages(a)).containsExactly("prometheus-node-exporter", "chrony=4.2-2ubuntu2");
    }

    @Test
    void fileLocationsAreReadOnlyUnderTheConfiguredRoots(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("n1.conf"), "for {{ node.hostname }}");
        AssetRenderer rooted = AssetRenderer.create(BootActionConfig.defaults().withFileRoots(List.of(dir)));
        String url = dir.toUri() + "{{ node.hostname }}.conf";
        Asset templated = new Asset("file", "/etc/n", url, null, null, List.of("template"), List.of("template"), 0600);
        assertThat(render(rooted, templated)).isEqualTo("for n1");
        assertThatThrownBy(() -> render(renderer, templated)).hasMessageContaining("outside the allowed file roots");
        assertThatThrownBy(() -> render(rooted, located("/etc/p", "file:///etc/passwd", false)))
                .hasMessageContaining("outside the allowed file roots");
        assertThatThrownBy(() -> render(rooted, located("/etc/m", dir.toUri() + "missing", false)))
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> render(rooted, located("/etc/s", "gopher://x/y", false)))
                .hasMessageContaining("unsupported scheme 'gopher'");
    }

    @Test
    void httpLocationsAreFetchedWithinTimeAndSizeBounds() throws Exception {
        int port = serve();
        String base = "http://127.0.0.1:" + port;
        AssetRenderer bounded = AssetRenderer.create(BootActionConfig.defaults()
                .withLimits(Duration.ofMillis(500), 64)
                .withFetchPolicy(FetchPolicy.of(
                        List.of(new FetchSource(java.net.URI.create(base + "/"), false, false, null)),
                        Duration.ofSeconds(30))));
        assertThatThrownBy(() -> render(located("/etc/none", base + "/ok", false)))
                .hasMessageContaining("not an allowed fetch source")
                .hasMessageContaining("fetch.sources");
        assertThat(render(bounded, located("/etc/ok", base + "/ok", false))).isEqualTo("fetched");
        assertThatThrownBy(() -> render(bounded, located("/etc/404", base + "/missing", false)))
                .hasMessageContaining("/etc/404")
                .hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> render(bounded, located("/etc/big", base + "/big", false)))
                .hasMessageContaining("more than 64 bytes");
        long start = System.nanoTime();
        assertThatThrownBy(() -> render(bounded, located("/etc/slow", base + "/slow", false)))
                .hasMessageContaining("no complete answer within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    private int serve() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = switch (path) {
                case "/ok" -> "fetched".getBytes(StandardCharsets.UTF_8);
                case "/big" -> new byte[1000];
                default -> new byte[0];
            };
            if (path.equals("/slow")) {
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write('x');
                exchange.getResponseBody().flush();
                sleepQuietly(3000);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(path.equals("/missing") ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        return http.getAddress().getPort();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
