package io.slipway.engine;

import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.design.Finding;
import io.slipway.engine.design.SourceText;
import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.validation.DesignValidation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared fixtures: the repository's rule set (compiled once) and helpers to validate YAML text. */
public final class TestDesigns {
    private static RuleSet rules;
    private static RuleSet lifecycleRules;

    private TestDesigns() {}

    /** The repository root, found by walking up from the working directory. */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("rules").resolve("validation"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (a folder with rules/validation)");
        }
        return p;
    }

    public static synchronized RuleSet rules() {
        if (rules == null) {
            rules = RuleBook.compile(repoRoot().resolve("rules").resolve("validation"));
        }
        return rules;
    }

    /** The repository's lifecycle rules ({@code rules/lifecycle}), compiled once. */
    public static synchronized RuleSet lifecycleRules() {
        if (lifecycleRules == null) {
            lifecycleRules = RuleBook.compile(repoRoot().resolve("rules").resolve("lifecycle"));
        }
        return lifecycleRules;
    }

    public static DesignValidation.Result validate(String yaml) {
        return new DesignValidation(new DesignLoader(), rules())
                .validate(List.of(new SourceText("test.yaml", yaml.getBytes(StandardCharsets.UTF_8))));
    }

    public static DesignValidation.Result validateFile(Path file) {
        return new DesignValidation(new DesignLoader(), rules()).validateReferences(List.of(file.toString()));
    }

    public static List<Finding> errors(DesignValidation.Result r) {
        return r.report().findings().stream().filter(Finding::isError).toList();
    }

    public static List<String> errorCodes(DesignValidation.Result r) {
        return errors(r).stream().map(Finding::code).sorted().toList();
    }

    /** A minimal valid site; {@code extra} documents are appended. */
    public static String site(String extra) {
        return """
        ---
        schema: drydock/NetworkLink/v1
        metadata: {name: pxe}
        data:
          trunking: {mode: disabled, default_network: pxe}
          allowed_networks: [pxe]
        ---
        schema: drydock/Network/v1
        metadata: {name: pxe}
        data:
          cidr: 10.0.0.0/24
          ranges: [{type: static, start: 10.0.0.10, end: 10.0.0.200}]
        ---
        schema: drydock/HardwareProfile/v1
        metadata: {name: hw}
        data:
          cpu_sets: {pinned: '2-7'}
          hugepages: {big: {size: 1G, count: 8}}
        ---
        schema: drydock/HostProfile/v1
        metadata: {name: base}
        data:
          hardware_profile: hw
          primary_network: pxe
          storage:
            physical_devices:
              sda:
                partitions:
                  - {name: root, size: 30g, filesystem: {mountpoint: /}}
                  - {name: boot, size: 1g, filesystem: {mountpoint: /boot}}
          interfaces:
            eth0: {device_link: pxe, slaves: [eno1], networks: [pxe]}
        ---
        schema: drydock/BootAction/v1
        metadata: {name: hello}
        data:
          assets:
            - {path: /etc/hello, type: file, data: hi, data_pipeline: [utf8_decode]}
        """ + extra;
    }

    public static String node(String name, String profile, String address) {
        return "---\nschema: drydock/BaremetalNode/v1\nmetadata: {name: " + name + "}\ndata:\n  host_profile: "
                + profile + "\n  addressing:\n    - {network: pxe, address: " + address + "}\n";
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
