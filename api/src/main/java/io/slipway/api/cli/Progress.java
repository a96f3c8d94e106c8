package io.slipway.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/** Follows a task until it ends, printing a line whenever one of its nodes changes state. */
final class Progress {
    private Progress() {}

    static JsonNode follow(ApiClient api, String taskId, PrintWriter out) throws InterruptedException {
        Map<String, String> seen = new HashMap<>();
        while (true) {
            JsonNode t = api.get("/api/v1.0/tasks/" + taskId);
            JsonNode nodes = api.get("/api/v1.0/nodes");
            for (JsonNode n : nodes) {
                String name = n.path("hostname").asText();
                String line = n.path("state").asText()
                        + (n.path("last_error").isNull()
                                ? ""
                                : "  (" + n.path("last_error").asText() + ")");
                if (!line.equals(seen.put(name, line))) {
                    out.printf("  %-12s %s%n", name, line);
                    out.flush();
                }
            }
            String status = t.path("status").asText();
            if (status.equals("complete") || status.equals("terminated")) {
                return t;
            }
            Thread.sleep(1000);
        }
    }
}
