package io.slipway.api.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;

/**
 * The JSON shape of one type the API answers with; routes hand the encoded value to {@code Route.respond}.
 * Implementations are pure and thread-safe, and never fail for a value the store or engine produced.
 */
@FunctionalInterface
interface JsonCodec<T> {
    JsonObject encode(T value);

    /** The values encoded in order, as a JSON array. */
    default JsonArray list(Collection<? extends T> values) {
        JsonArray out = new JsonArray();
        values.forEach(v -> out.add(encode(v)));
        return out;
    }
}
