package io.slipway.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.api.auth.IssuedToken;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code relabel_nodes} in {@code serve}: the Kubernetes driver is built from {@code drivers.kubernetes}
 * of the config file (API server, token file, CA file) and patches a test API server over TLS trusted
 * through that CA only. Design labels are set, a label the design dropped is removed, and the
 * cluster's {@code kubernetes.io} labels stay.
 */
class RelabelIT {
    @TempDir
    Path dir;

    @Test
    void relabelPatchesTheConfiguredApiServerWithItsTokenAndCa() throws Exception {
        String secret = "k8s-" + Long.toHexString(System.nanoTime());
        Path tokenFile = Files.writeString(dir.resolve("token"), secret + "\n");
        try (KubernetesApiServer k8s = KubernetesApiServer.start(Files.createDirectories(dir.resolve("pki")), secret)) {
            k8s.labels.put(
                    "node1",
                    new JsonObject()
                            .put("kubernetes.io/hostname", "node1")
                            .put("node-role.kubernetes.io/worker", "")
                            .put("tier", "gold"));
            Path config = Files.writeString(
                    dir.resolve("slipway.yaml"),
                    "drivers:\n  kubernetes:\n" + "    apiServer: " + k8s.url() + "\n    tokenFile: " + tokenFile
                            + "\n    caPem: " + k8s.caPem + "\n");
            Server server = start(config);
            try {
                String token = server.issuedTokens().stream()
                        .filter(t -> t.roles().contains("admin"))
                        .map(IssuedToken::token)
                        .findFirst()
                        .orElseThrow();
                ApiClient api = new ApiClient(server.url, token);
                String design = LabThenRealIT.design(623)
                        .replace(
                                "metadata: {boot_mac: '52:54:00:00:01:01'}",
                                "metadata: {boot_mac: '52:54:00:00:01:01', owner_data: {role: compute, rack: r1}}");
                String ref = api.postText("/api/v1.0/designs?name=relabel", "application/yaml", design)
                        .path("design_ref")
                        .asText();
                assertThat(run(api, "deploy_nodes", ref)
                                .path("result")
                                .path("status")
                                .asText())
                        .isEqualTo("success");

                JsonNode relabel = run(api, "relabel_nodes", ref);
                assertThat(relabel.path("result").path("status").asText())
                        .as(relabel.toString())
                        .isEqualTo("success");
                assertThat(k8s.labels.get("node1").getMap())
                        .containsOnly(
                                Map.entry("kubernetes.io/hostname", "node1"),
                                        Map.entry("node-role.kubernetes.io/worker", ""),
                                Map.entry("role", "compute"), Map.entry("rack", "r1"));
                assertThat(k8s.seen).isNotEmpty().allSatisfy(r -> assertThat(r).contains("Bearer " + secret));
                assertThat(k8s.seen)
                        .anySatisfy(r -> assertThat(r)
                                .startsWith("PATCH /api/v1/nodes/node1 ")
                                .contains("\"tier\":null"));
                assertThat(api.get("/api/v1.0/nodes/node1/timeline").toString()).contains("removed [tier]");
            } finally {
                server.stop();
            }
        }
    }

    private static JsonNode run(ApiClient api, String action, String ref) throws InterruptedException {
        JsonNode task = api.post("/api/v1.0/tasks", Map.of("action", action, "design_ref", ref));
        return Progress.follow(api, task.path("task_id").asText(), new PrintWriter(new StringWriter()));
    }

    private Server start(Path config) throws Exception {
        int clusterPort;
        try (ServerSocket s = new ServerSocket(0)) {
            clusterPort = s.getLocalPort();
        }
        CommandLine cli = Main.commandLine();
        cli.setDefaultValueProvider(ConfigFileDefaults.load(config));
        cli.parseArgs(
                "serve",
                "--simulate",
                "--data-dir",
                dir.resolve("data").toString(),
                "--port",
                "0",
                "--cluster-port",
                Integer.toString(clusterPort));
        CommandLine serve = cli.getSubcommands().get("serve");
        ConfigFileDefaults.verify(serve.getCommandSpec());
        ServerOptions options = ((ServeCommand) serve.getCommand()).options;
        options.fileDrivers = ConfigFileDefaults.drivers(serve.getCommandSpec());
        return Server.start(options, Map.of());
    }
}
