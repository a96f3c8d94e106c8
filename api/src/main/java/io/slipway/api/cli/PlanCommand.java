package io.slipway.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipway plan}: the steps a node action would take, without running anything. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Show the ordered steps a node action would take.")
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client = new ClientOptions();

    @Option(
            names = {"-a", "--action"},
            required = true)
    String action;

    @Option(
            names = {"-d", "--design"},
            required = true)
    String design;

    @Override
    public Integer call() throws Exception {
        ApiClient api = client.client();
        JsonNode plan = api.post(
                "/api/v1.0/plan",
                JsonNodeFactory.instance
                        .objectNode()
                        .put("action", action)
                        .put("design_ref", TaskCommand.reference(api, design)));
        PrintWriter out = spec.commandLine().getOut();
        if (!client.printStructured(out, plan)) {
            plan.fields().forEachRemaining(e -> {
                StringBuilder line = new StringBuilder(String.format("%-12s", e.getKey()));
                e.getValue()
                        .forEach(s -> line.append(' ')
                                .append(
                                        s.has("step")
                                                ? s.path("step").asText()
                                                : "->" + s.path("state").asText()));
                out.println(line.toString().stripTrailing() + (e.getValue().isEmpty() ? " (nothing to do)" : ""));
            });
        }
        return ExitCodes.OK;
    }
}
