package io.slipway.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The API's OpenAPI document ({@code slipway/openapi.yaml} on the classpath): its text as served,
 * and the contract requests are validated against. Immutable once loaded; any thread.
 *
 * <p>vertx-openapi only understands JSON, multipart, text and octet-stream bodies, and refuses a
 * contract naming anything else (YAML uploads, gzip archives, problem+json). So the published
 * document says what the API really speaks, and the contract is a copy of it in which YAML request
 * bodies are "opaque" (their handler parses them), text bodies carry no schema, and responses are
 * reduced to a placeholder (responses are not validated).
 *
 * @param text the document as written, served at {@code /api/v1.0/openapi.yaml}
 * @param document the document as JSON
 * @param contract the validation contract derived from it
 * @param opaque per operation id, the request media types passed to the handler unvalidated
 */
record OpenApiDocument(String text, JsonObject document, OpenAPIContract contract, Map<String, Set<String>> opaque) {
    static final String RESOURCE = "slipway/openapi.yaml";
    /** The operation extension naming the permission a token needs (checked before validation). */
    static final String PERMISSION = "x-slipway-permission";

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** Reads and parses the document on a worker thread, then builds the contract. */
    static Future<OpenApiDocument> load(Vertx vertx) {
        return vertx.executeBlocking(OpenApiDocument::read, false).compose(text -> {
            JsonObject doc = parse(text);
            Map<String, Set<String>> opaque = new HashMap<>();
            JsonObject forValidation = forValidation(doc, opaque);
            return OpenAPIContract.from(vertx, forValidation)
                    .map(c -> new OpenApiDocument(text, doc, c, Map.copyOf(opaque)));
        });
    }

    static String read() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject parse(String yaml) {
        try {
            Object tree = new ObjectMapper(new YAMLFactory()).readValue(yaml, Object.class);
            return new JsonObject(new ObjectMapper().writeValueAsString(tree));
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** Each operation of the document, keyed by HTTP method (upper case) and path template. */
    static Map<String, JsonObject> operations(JsonObject doc) {
        Map<String, JsonObject> out = new HashMap<>();
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (METHODS.contains(method)) {
                    out.put(method.toUpperCase() + " " + path, item.getJsonObject(method));
                }
            }
        }
        return out;
    }

    private static JsonObject forValidation(JsonObject doc, Map<String, Set<String>> opaque) {
        JsonObject copy = doc.copy();
        copy.getJsonObject("components").remove("responses");
        for (JsonObject op : operations(copy).values()) {
            op.put(
                    "responses",
                    new JsonObject().put("default", new JsonObject().put("description", "see " + RESOURCE)));
            JsonObject body = op.getJsonObject("requestBody");
            if (body != null) {
                reduce(op.getString("operationId"), body, opaque);
            }
        }
        return copy;
    }

    private static void reduce(String operationId, JsonObject body, Map<String, Set<String>> opaque) {
        JsonObject content = body.getJsonObject("content");
        for (String type : new ArrayList<>(content.fieldNames())) {
            if (!MediaType.isMediaTypeSupported(type)) {
                content.remove(type);
                opaque.computeIfAbsent(operationId, k -> new HashSet<>()).add(type);
                // An opaque body is checked by its handler, which also reports an empty one.
                body.put("required", false);
            } else if (!isJson(type)) {
                content.put(type, new JsonObject());
            }
        }
    }

    static boolean isJson(String mediaType) {
        return mediaType.startsWith("application/json") || MediaType.isVendorSpecificJson(mediaType);
    }
}
