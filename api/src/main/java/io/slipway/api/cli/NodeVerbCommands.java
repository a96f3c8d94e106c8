package io.slipway.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway node release|maintenance|abort|confirm|reject}: the operator's way out of every
 * state, through the leader's API. Each prints the node as the verb left it; an error (unknown node,
 * verb that does not apply now, standby) is printed by the caller and exits non-zero.
 */
final class NodeVerbCommands {
    private NodeVerbCommands() {}

    /** Shared by the verbs: send one request and print the answer. */
    abstract static class Verb implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ClientOptions client = new ClientOptions();

        @Parameters(index = "0", paramLabel = "HOSTNAME")
        String host;

        @Option(names = "--reason", description = "Why; kept on the node's timeline.")
        String reason;

        abstract JsonNode send(ApiClient api, String path, ObjectNode body);

        @Override
        public Integer call() {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            if (reason != null) {
                body.put("reason", reason);
            }
            JsonNode n = send(client.client(), "/api/v1.0/nodes/" + host, body);
            PrintWriter out = spec.commandLine().getOut();
            if (!client.printStructured(out, n)) {
                StringBuilder line = new StringBuilder(n.path("hostname").asText());
                n.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("hostname") && !f.getValue().isNull()) {
                        line.append("  ")
                                .append(f.getKey())
                                .append(' ')
                                .append(f.getValue().asText());
                    }
                });
                out.println(line);
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "release",
            mixinStandardHelpOptions = true,
            description = "Release a quarantined node to the state it was quarantined from, with a fresh retry budget.")
    static final class Release extends Verb {
        JsonNode send(ApiClient api, String path, ObjectNode body) {
            return api.post(path + "/release", body);
        }
    }

    @Command(
            name = "maintenance",
            mixinStandardHelpOptions = true,
            description = {
                "Put a node in maintenance (on, --reason required) or take it out (off).",
                "In maintenance nothing but reads happen to the node; its tasks count it as failed."
            })
    static final class Maintenance extends Verb {
        @Parameters(index = "1", paramLabel = "on|off")
        String mode;

        JsonNode send(ApiClient api, String path, ObjectNode body) {
            return switch (mode) {
                case "on" -> api.put(path + "/maintenance", body);
                case "off" ->
                    api.delete(path + "/maintenance"
                            + (reason == null
                                    ? ""
                                    : "?reason="
                                            + java.net.URLEncoder.encode(
                                                    reason, java.nio.charset.StandardCharsets.UTF_8)));
                default -> throw new ApiClient.ApiError(0, "maintenance takes on or off, not " + mode);
            };
        }
    }

    @Command(
            name = "abort",
            mixinStandardHelpOptions = true,
            description = "Abort the step running on a node; its task counts it as failed and the node is paused.")
    static final class Abort extends Verb {
        JsonNode send(ApiClient api, String path, ObjectNode body) {
            return api.post(path + "/abort", body);
        }
    }

    @Command(
            name = "confirm",
            mixinStandardHelpOptions = true,
            description = "Confirm that the oldest manual BMC request of the node was done by hand.")
    static final class Confirm extends Verb {
        JsonNode send(ApiClient api, String path, ObjectNode body) {
            return api.post(path + "/confirm", body);
        }
    }

    @Command(
            name = "reject",
            mixinStandardHelpOptions = true,
            description = "Reject the oldest manual BMC request of the node: its step fails and is not retried.")
    static final class Reject extends Verb {
        JsonNode send(ApiClient api, String path, ObjectNode body) {
            return api.post(path + "/reject", body);
        }
    }
}
