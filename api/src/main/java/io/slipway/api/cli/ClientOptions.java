package io.slipway.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Where the API is, who we are, and how to print answers; shared by the client commands. */
final class ClientOptions {
    @Option(
            names = "--url",
            defaultValue = "${env:SLIPWAY_URL:-http://127.0.0.1:9000}",
            description = "API base URL (default: $SLIPWAY_URL or ${DEFAULT-VALUE}).")
    String url;

    @Option(
            names = "--token",
            defaultValue = "${env:SLIPWAY_TOKEN}",
            description = "Bearer token (default: $SLIPWAY_TOKEN).")
    String token;

    @Option(
            names = {"-o", "--output"},
            defaultValue = "table",
            description = "table, json or yaml")
    String output;

    ApiClient client() {
        return new ApiClient(url, token);
    }

    /** Prints {@code node} as JSON or YAML; returns false when the caller should print its table. */
    boolean printStructured(PrintWriter out, JsonNode node) {
        try {
            switch (output) {
                case "json" ->
                    out.println(new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(node));
                case "yaml" ->
                    out.print(new ObjectMapper(YAMLFactory.builder()
                                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                                    .build())
                            .writeValueAsString(node));
                case "table" -> {
                    return false;
                }
                default -> throw new IllegalArgumentException("--output must be table, json or yaml");
            }
            out.flush();
            return true;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
