package io.slipway.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slipway task create|show|list|delete}: tasks through the HTTP API. */
@Command(
        name = "task",
        mixinStandardHelpOptions = true,
        description = "Create and inspect tasks on a running server.",
        subcommands = {
            TaskCommand.Create.class,
            TaskCommand.Show.class,
            TaskCommand.ListTasks.class,
            TaskCommand.Delete.class
        })
final class TaskCommand {

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Create a task. -n/-r/-t narrow the nodes together (a node must match every option given).",
                "DESIGN is a local file (uploaded first), revision:N, or a URL the server fetches."
            })
    static final class Create implements Callable<Integer> {
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

        @Option(
                names = {"-n", "--nodes"},
                split = ",")
        List<String> nodes;

        @Option(
                names = {"-r", "--racks"},
                split = ",")
        List<String> racks;

        @Option(
                names = {"-t", "--tags"},
                split = ",")
        List<String> tags;

        @Option(names = "--block", description = "Wait for the task to end, printing each node's progress.")
        boolean block;

        @Override
        public Integer call() throws Exception {
            ApiClient api = client.client();
            ObjectNode body = JsonNodeFactory.instance
                    .objectNode()
                    .put("action", action)
                    .put("design_ref", reference(api, design));
            ObjectNode filter = filter();
            if (filter != null) {
                body.set("node_filter", filter);
            }
            JsonNode task = api.post("/api/v1.0/tasks", body);
            PrintWriter out = spec.commandLine().getOut();
            String id = task.path("task_id").asText();
            if (!block) {
                if (!client.printStructured(out, task)) {
                    out.println(id + "  " + task.path("action").asText() + "  "
                            + task.path("status").asText());
                }
                return ExitCodes.OK;
            }
            JsonNode done = Progress.follow(api, id, out);
            String result = done.path("result").path("status").asText();
            out.println(id + "  " + done.path("status").asText() + "  " + result);
            JsonNode reason = done.path("result").path("reason");
            if (!"success".equals(result)
                    && reason.isTextual()
                    && !reason.asText().isBlank()) {
                out.println("  reason: " + reason.asText()); // why the task failed, e.g. a selection of nothing
            }
            return "success".equals(result) ? ExitCodes.OK : ExitCodes.INVALID;
        }

        private ObjectNode filter() {
            if (nodes == null && racks == null && tags == null) {
                return null;
            }
            ObjectNode f = JsonNodeFactory.instance.objectNode().put("filter_type", "intersection");
            if (nodes != null) {
                f.set(
                        "node_names",
                        JsonNodeFactory.instance
                                .arrayNode()
                                .addAll(nodes.stream()
                                        .map(JsonNodeFactory.instance::textNode)
                                        .toList()));
            }
            if (racks != null) {
                f.set(
                        "rack_names",
                        JsonNodeFactory.instance
                                .arrayNode()
                                .addAll(racks.stream()
                                        .map(JsonNodeFactory.instance::textNode)
                                        .toList()));
            }
            if (tags != null) {
                f.set(
                        "node_tags",
                        JsonNodeFactory.instance
                                .arrayNode()
                                .addAll(tags.stream()
                                        .map(JsonNodeFactory.instance::textNode)
                                        .toList()));
            }
            ObjectNode set = JsonNodeFactory.instance.objectNode().put("filter_set_type", "intersection");
            set.set("filter_set", JsonNodeFactory.instance.arrayNode().add(f));
            return set;
        }
    }

    /** A local file is uploaded and named by its revision; anything else is passed to the server. */
    static String reference(ApiClient api, String design) throws java.io.IOException {
        Path p = Path.of(design);
        if (!design.contains("://") && !design.startsWith("revision:") && Files.isRegularFile(p)) {
            JsonNode rev =
                    api.postText("/api/v1.0/designs?name=" + p.getFileName(), "application/yaml", Files.readString(p));
            return rev.path("design_ref").asText();
        }
        return design;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a task with its messages.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client = new ClientOptions();

        @Parameters(paramLabel = "TASK_ID")
        String id;

        @Override
        public Integer call() {
            JsonNode t = client.client().get("/api/v1.0/tasks/" + id);
            PrintWriter out = spec.commandLine().getOut();
            if (!client.printStructured(out, t)) {
                out.printf(
                        "%s  %s  %s  %s%n",
                        t.path("task_id").asText(),
                        t.path("action").asText(),
                        t.path("status").asText(),
                        t.path("result").path("status").asText());
                for (JsonNode m : t.path("result").path("details").path("messageList")) {
                    out.printf(
                            "  %-7s %s%n",
                            m.path("level").asText(), m.path("message").asText());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List recent top-level tasks.")
    static final class ListTasks implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client = new ClientOptions();

        @Override
        public Integer call() {
            JsonNode list = client.client().get("/api/v1.0/tasks");
            PrintWriter out = spec.commandLine().getOut();
            if (!client.printStructured(out, list)) {
                for (JsonNode t : list) {
                    out.printf(
                            "%s  %-15s %-10s %-16s %s%n",
                            t.path("task_id").asText(),
                            t.path("action").asText(),
                            t.path("status").asText(),
                            t.path("result").path("status").asText(),
                            t.path("created").asText());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Purge finished tasks older than N days.")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client = new ClientOptions();

        @Option(names = "--days", defaultValue = "90")
        int days;

        @Override
        public Integer call() {
            JsonNode r = client.client().delete("/api/v1.0/tasks?days=" + days);
            spec.commandLine().getOut().println(r.isTextual() ? r.asText() : r.toString());
            return ExitCodes.OK;
        }
    }
}
