package io.slipway.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slipway node list|show|explain|timeline} and the operator verbs of {@link NodeVerbCommands}. */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = "Inspect and manage nodes on a running server.",
        subcommands = {
            NodeCommand.ListNodes.class,
            NodeCommand.Show.class,
            NodeCommand.Explain.class,
            NodeCommand.Timeline.class,
            NodeVerbCommands.Release.class,
            NodeVerbCommands.Maintenance.class,
            NodeVerbCommands.Abort.class,
            NodeVerbCommands.Confirm.class,
            NodeVerbCommands.Reject.class
        })
final class NodeCommand {

    /** Shared by the one-node commands: GET a path and print it. */
    abstract static class Get implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client = new ClientOptions();

        abstract String path();

        abstract void table(PrintWriter out, JsonNode n);

        @Override
        public Integer call() {
            JsonNode n = client.client().get(path());
            PrintWriter out = spec.commandLine().getOut();
            if (!client.printStructured(out, n)) {
                table(out, n);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every known node and its state.")
    static final class ListNodes extends Get {
        String path() {
            return "/api/v1.0/nodes";
        }

        void table(PrintWriter out, JsonNode list) {
            for (JsonNode n : list) {
                out.printf(
                        "%-14s %-14s %-8s %s%n",
                        n.path("hostname").asText(),
                        n.path("state").asText(),
                        n.path("power_state").asText(),
                        n.path("last_error").isNull()
                                ? ""
                                : n.path("last_error").asText());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One node's state.")
    static final class Show extends Get {
        @Parameters(paramLabel = "HOSTNAME")
        String host;

        String path() {
            return "/api/v1.0/nodes/" + host;
        }

        void table(PrintWriter out, JsonNode n) {
            out.printf(
                    "%s  %s  power %s%n",
                    n.path("hostname").asText(),
                    n.path("state").asText(),
                    n.path("power_state").asText());
        }
    }

    @Command(
            name = "explain",
            mixinStandardHelpOptions = true,
            description = "Why a node is where it is and what it waits for.")
    static final class Explain extends Get {
        @Parameters(paramLabel = "HOSTNAME")
        String host;

        String path() {
            return "/api/v1.0/nodes/" + host + "/explain";
        }

        void table(PrintWriter out, JsonNode e) {
            out.printf(
                    "%s  %s  power %s  steps done %s%n",
                    e.path("hostname").asText(),
                    e.path("state").asText(),
                    e.path("power").asText(),
                    e.path("steps_done"));
            e.path("decisions")
                    .forEach(d -> out.printf(
                            "  next   %-7s %s%n",
                            d.path("rule").asText(),
                            d.has("step")
                                    ? d.path("step").asText() + ": "
                                            + d.path("reason").asText()
                                    : "-> " + d.path("state").asText()));
            e.path("holds")
                    .forEach(h -> out.printf(
                            "  held   %-7s %s%n",
                            h.path("rule").asText(), h.path("reason").asText()));
            e.path("waiting").forEach(w -> out.printf("  waits  %s%n", w.asText()));
            e.path("verbs").forEach(v -> out.printf("  verb   %s%n", v.asText()));
        }
    }

    @Command(
            name = "timeline",
            mixinStandardHelpOptions = true,
            description = "A node's recorded events, oldest first.")
    static final class Timeline extends Get {
        @Parameters(paramLabel = "HOSTNAME")
        String host;

        String path() {
            return "/api/v1.0/nodes/" + host + "/timeline";
        }

        void table(PrintWriter out, JsonNode list) {
            for (JsonNode ev : list) {
                out.printf(
                        "%s  %-12s %s%n",
                        ev.path("ts").asText(),
                        ev.path("kind").asText(),
                        ev.path("detail").isNull()
                                ? ev.path("from").asText() + " -> "
                                        + ev.path("to").asText()
                                : ev.path("detail").asText());
            }
        }
    }
}
