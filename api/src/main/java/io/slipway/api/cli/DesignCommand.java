package io.slipway.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.slipway.engine.bench.SiteGenerator;
import io.slipway.engine.design.DesignInputException;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.design.Finding;
import io.slipway.engine.effective.EffectiveCompiler;
import io.slipway.engine.effective.EffectiveDesign;
import io.slipway.engine.effective.EffectiveDocuments;
import io.slipway.engine.effective.EffectiveNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slipway design ...}: inspect and generate designs. */
@Command(
        name = "design",
        mixinStandardHelpOptions = true,
        description = "Inspect or generate site designs.",
        subcommands = {
            DesignCommand.Show.class,
            DesignCommand.Generate.class,
            DesignCommand.Upload.class,
            DesignCommand.ValidateRemote.class
        })
final class DesignCommand {

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Print compiled nodes (every inherited field filled in) as YAML.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--effective", required = true, description = "Show the effective (compiled) design.")
        boolean effective;

        @Option(names = "--node", paramLabel = "NAME", description = "Only this node.")
        String node;

        @Parameters(arity = "1..*", paramLabel = "DESIGN")
        List<String> references;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            EffectiveDesign design;
            try {
                design = new EffectiveCompiler()
                        .compile(new DesignLoader(
                                        io.slipway.engine.design.DesignLimits.defaults(),
                                        io.slipway.engine.fetch.FetchPolicy.commandLine())
                                .load(references));
            } catch (DesignInputException e) {
                err.println("slipway: " + e.getMessage());
                return ExitCodes.UNUSABLE_INPUT;
            }
            List<Finding> errors =
                    design.findings().stream().filter(Finding::isError).toList();
            errors.forEach(f -> err.println(
                    "ERROR " + f.code() + " " + (f.source() == null ? "" : f.source() + ": ") + f.message()));
            List<EffectiveNode> nodes = node == null
                    ? design.nodes()
                    : design.nodes().stream().filter(n -> n.name().equals(node)).toList();
            if (node != null && nodes.isEmpty()) {
                err.println("slipway: no compiled node named " + node + " in the design");
                return ExitCodes.INVALID;
            }
            ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build());
            PrintWriter out = spec.commandLine().getOut();
            for (EffectiveNode n : nodes) {
                out.print("---\n" + yaml.writeValueAsString(EffectiveDocuments.node(n)));
            }
            out.flush();
            return errors.isEmpty() ? ExitCodes.OK : ExitCodes.INVALID;
        }
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Print a synthetic site (for benchmarks and scale tests) that validates clean.")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--nodes", defaultValue = "100", description = "Number of nodes (default ${DEFAULT-VALUE}).")
        int nodes;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(SiteGenerator.generate(nodes));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "upload",
            mixinStandardHelpOptions = true,
            description = "Store a design on the server; prints its revision.")
    static final class Upload implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        ClientOptions client = new ClientOptions();

        @Parameters(paramLabel = "FILE")
        java.nio.file.Path file;

        @Override
        public Integer call() throws IOException {
            var rev = client.client()
                    .postText(
                            "/api/v1.0/designs?name=" + file.getFileName(),
                            "application/yaml",
                            java.nio.file.Files.readString(file));
            if (!client.printStructured(spec.commandLine().getOut(), rev)) {
                spec.commandLine()
                        .getOut()
                        .println(rev.path("design_ref").asText() + "  "
                                + rev.path("content_hash").asText());
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = "Validate a design on the server (a local file is uploaded first); exit 0 valid, 1 invalid.")
    static final class ValidateRemote implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        ClientOptions client = new ClientOptions();

        @Parameters(paramLabel = "DESIGN")
        String design;

        @Override
        public Integer call() throws IOException {
            ApiClient api = client.client();
            String ref = TaskCommand.reference(api, design);
            com.fasterxml.jackson.databind.JsonNode status;
            try {
                status = api.post("/api/v1.0/validatedesign", java.util.Map.of("href", ref));
            } catch (ApiClient.ApiError e) {
                if (e.status != 400) {
                    throw e;
                }
                spec.commandLine().getErr().println("slipway: " + e.getMessage());
                return ExitCodes.INVALID;
            }
            if (!client.printStructured(spec.commandLine().getOut(), status)) {
                spec.commandLine()
                        .getOut()
                        .println(status.path("status").asText() + ": "
                                + status.path("details").path("errorCount").asInt() + " error(s)");
            }
            return ExitCodes.OK;
        }
    }
}
