package io.slipway.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;

/**
 * Parses request bodies strictly: one JSON object, no comments, no duplicate keys, no trailing
 * content, no NUL characters (the database cannot store them), nesting at most 64 deep. Every refusal
 * is an {@link ApiException} 400 naming the field and where. Pure; thread-safe.
 */
final class StrictJson {
    private static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictJson() {}

    /** The body as a JSON object, or a 400 naming what is wrong with it. */
    static JsonObject object(Buffer body) {
        try (JsonParser p = FACTORY.createParser(body.getBytes())) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw ApiException.badRequest("the request body must be a JSON object");
            }
            JsonObject out = object(p, "", 1);
            if (p.nextToken() != null) {
                throw ApiException.badRequest("the request body has content after its JSON object (line "
                        + p.currentLocation().getLineNr() + ")");
            }
            return out;
        } catch (JsonParseException e) {
            String why = e.getOriginalMessage();
            int cut = why == null ? -1 : why.indexOf('\n');
            why = why == null ? "malformed" : cut < 0 ? why : why.substring(0, cut);
            if (why.startsWith("Duplicate field")) {
                why = "duplicate key " + why.substring("Duplicate field ".length());
            } else if (why.contains("ALLOW_COMMENTS") || why.contains("comment")) {
                why = "comments are not allowed";
            }
            throw ApiException.badRequest("the request body is not valid JSON: " + why + " (line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw ApiException.badRequest("the request body is not valid JSON");
        }
    }

    private static JsonObject object(JsonParser p, String path, int depth) throws IOException {
        depth(path, depth);
        JsonObject o = new JsonObject();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String key = p.currentName();
            String field = path.isEmpty() ? key : path + "." + key;
            noNul(field, key, "a key");
            o.put(key, value(p, p.nextToken(), field, depth));
        }
        return o;
    }

    private static Object value(JsonParser p, JsonToken t, String path, int depth) throws IOException {
        return switch (t) {
            case START_OBJECT -> object(p, path, depth + 1);
            case START_ARRAY -> array(p, path, depth + 1);
            case VALUE_STRING -> noNul(path, p.getText(), "its value");
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw ApiException.badRequest(path + ": unexpected JSON token " + t);
        };
    }

    private static JsonArray array(JsonParser p, String path, int depth) throws IOException {
        depth(path, depth);
        JsonArray a = new JsonArray();
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            a.add(value(p, t, path + "[" + i++ + "]", depth));
        }
        return a;
    }

    private static void depth(String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw ApiException.badRequest(
                    (path.isEmpty() ? "the request body" : path) + ": nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private static String noNul(String field, String s, String what) {
        if (s.indexOf('\0') >= 0) {
            throw ApiException.badRequest((field.isEmpty() ? "the request body" : field) + ": " + what
                    + " contains a NUL character (\\u0000), which cannot be stored");
        }
        return s;
    }
}
