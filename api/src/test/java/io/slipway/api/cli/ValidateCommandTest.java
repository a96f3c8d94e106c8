package io.slipway.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway validate}: exit codes, output formats, and hostile input. */
class ValidateCommandTest {
    private static final Path ROOT = CliRun.repoRoot();
    private static final String RULES = ROOT.resolve("rules").toString();
    private static final String LAB =
            ROOT.resolve("site-examples/lab-site.yaml").toString();

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("validate", "design", "bench");
    }

    @Test
    void aValidDesignExitsZero() {
        CliRun run = CliRun.of("validate", "--rules", RULES, LAB);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Success: 0 error(s)");
    }

    @Test
    void jsonOutputKeepsDrydocksStatusShape(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of(LAB)).replace("address: 10.22.0.12", "address: 10.22.0.11"));
        CliRun run = CliRun.of("validate", "--rules", RULES, "-o", "json", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        JsonNode status = new ObjectMapper().readTree(run.out());
        assertThat(status.path("kind").asText()).isEqualTo("Status");
        assertThat(status.path("status").asText()).isEqualTo("Failure");
        assertThat(status.path("code").asInt()).isEqualTo(400);
        assertThat(status.path("details").path("errorCount").asInt()).isEqualTo(1);
        JsonNode msg = null;
        for (JsonNode m : status.path("details").path("messageList")) {
            if (m.path("error").asBoolean()) {
                msg = m;
            }
        }
        assertThat(msg).isNotNull();
        assertThat(msg.path("kind").asText()).isEqualTo("ValidationMessage");
        assertThat(msg.path("name").asText()).isEqualTo("DD2005");
        assertThat(msg.path("level").asText()).isEqualTo("Error");
        assertThat(msg.path("ruleId").asText()).isEqualTo("NET-020");
        assertThat(msg.path("source").asText()).startsWith(bad.toString() + ":");
        assertThat(msg.path("documents").get(0).path("schema").asText()).isEqualTo("drydock/BaremetalNode/v1");
    }

    @Test
    void unreadableInputExitsTwo() {
        CliRun run = CliRun.of("validate", "--rules", RULES, "/nonexistent/site.yaml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("/nonexistent/site.yaml: no such file");
    }

    @Test
    void notYamlExitsTwoWithTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.yaml");
        Files.writeString(f, "---\nschema: drydock/Network/v1\nmetadata: [unclosed\n");
        CliRun run = CliRun.of("validate", "--rules", RULES, f.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(f + ":4:").contains("not valid YAML");
    }

    @Test
    void aBillionLaughsFileExitsTwo(@TempDir Path dir) throws IOException {
        StringBuilder y = new StringBuilder(
                "---\nschema: drydock/Rack/v1\nmetadata: {name: lol}\ndata:\n  local_networks: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n  labels:\n");
        for (int i = 1; i < 10; i++) {
            y.append("    k")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [")
                    .append("*a, ".repeat(9))
                    .append("*a]\n");
        }
        Path f = dir.resolve("lol.yaml");
        Files.writeString(f, y.toString().replaceAll("&a(\\d)", "&b$1"));
        CliRun run = CliRun.of("validate", "--rules", RULES, f.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("lol.yaml").contains("aliases");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void aFiftyMegabyteDocumentExitsTwo(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("big.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n"
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("---\nschema: drydock/Rack/v1\nmetadata: {name: big}\ndata:\n  location: {grid: A1}\n"
                    .getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        CliRun run = CliRun.of("validate", "--rules", RULES, f.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("big.yaml").contains("exceeds the design size limit");
    }

    @Test
    void aProfileCycleExitsOneAndNamesTheCycle(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("cycle.yaml");
        Files.writeString(f, """
        ---
        schema: drydock/HostProfile/v1
        metadata: {name: p1}
        data: {host_profile: p2}
        ---
        schema: drydock/HostProfile/v1
        metadata: {name: p2}
        data: {host_profile: p1}
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: n1}
        data:
          host_profile: p1
          addressing: [{network: oob, address: 10.0.0.1}]
        """);
        CliRun run = CliRun.of("validate", "--rules", RULES, f.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("SW3001").contains("p1 -> p2 -> p1");
    }

    @Test
    void anUnknownKindExitsOne(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("kind.yaml");
        Files.writeString(f, "---\nschema: drydock/Switch/v1\nmetadata: {name: s1}\ndata: {}\n");
        CliRun run = CliRun.of("validate", "--rules", RULES, f.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("DD000").contains("Kind Switch").contains("kind.yaml:2");
    }

    @Test
    void effectiveShowPrintsInheritedFields() {
        CliRun run = CliRun.of("design", "show", "--effective", LAB, "--node", "stor10");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("name: stor10", "bond1:", "vg_osd:", "vg_sys:", "/boot/efi", "profile_chain:");
    }
}
