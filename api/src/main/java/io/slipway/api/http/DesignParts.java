package io.slipway.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Map;

/**
 * The documents of a stored design as JSON, filtered by kind ({@code Network} or
 * {@code drydock/Network/v1}) and name. Blocking (parses YAML): call off the event loop.
 */
final class DesignParts {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DesignParts() {}

    @SuppressWarnings("unchecked")
    static JsonArray select(String documents, String kind, String name) {
        JsonArray out = new JsonArray();
        try (var it = YAML.readerFor(Map.class).<Map<String, Object>>readValues(documents)) {
            while (it.hasNext()) {
                Map<String, Object> doc = it.next();
                if (doc == null || !(doc.get("schema") instanceof String schema) || !schema.startsWith("drydock/")) {
                    continue;
                }
                Object meta = doc.get("metadata");
                String docName =
                        meta instanceof Map<?, ?> m && m.get("name") != null ? String.valueOf(m.get("name")) : null;
                if ((kind == null || schema.equals(kind) || schema.equals("drydock/" + kind + "/v1"))
                        && (name == null || name.equals(docName))) {
                    out.add(new JsonObject(doc));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("the stored design cannot be read as YAML: " + e.getMessage());
        }
        return out;
    }
}
