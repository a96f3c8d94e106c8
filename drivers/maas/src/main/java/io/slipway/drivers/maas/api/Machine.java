package io.slipway.drivers.maas.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The parts of a MAAS machine ({@code GET machines/{system_id}/}) the driver reads.
 *
 * @param statusName MAAS's status name, e.g. {@code Ready}, {@code Failed deployment}
 * @param statusMessage MAAS's last status message (the reason of a failure, the step in progress)
 */
public record Machine(
        String systemId,
        String hostname,
        String statusName,
        String statusMessage,
        List<String> tagNames,
        JsonObject raw) {

    public static Machine from(JsonObject json) {
        JsonArray tags = json.getJsonArray("tag_names", new JsonArray());
        return new Machine(
                json.getString("system_id"),
                json.getString("hostname"),
                json.getString("status_name", "Unknown"),
                json.getString("status_message", ""),
                tags.stream().map(String::valueOf).toList(),
                json);
    }

    /** The machine's URL path, e.g. {@code machines/4y3h7n/}. */
    public String path() {
        return "machines/" + systemId + "/";
    }

    /** The path of the node's sub-resources ({@code nodes/4y3h7n/interfaces/} etc.). */
    public String nodePath(String child) {
        return "nodes/" + systemId + "/" + child;
    }

    public boolean is(String status) {
        return statusName.equalsIgnoreCase(status);
    }

    public boolean failed() {
        return statusName.startsWith("Failed") || is("Broken") || is("Releasing failed");
    }
}
