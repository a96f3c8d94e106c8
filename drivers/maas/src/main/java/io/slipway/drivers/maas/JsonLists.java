package io.slipway.drivers.maas;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Lookups in MAAS's JSON lists. */
final class JsonLists {
    private JsonLists() {}

    /** The first object of {@code list} whose {@code field} equals {@code value} (as text), or null. */
    static JsonObject find(JsonArray list, String field, Object value) {
        for (int i = 0; i < list.size(); i++) {
            JsonObject o = list.getJsonObject(i);
            Object v = o.getValue(field);
            if (v != null && String.valueOf(v).equals(String.valueOf(value))) {
                return o;
            }
        }
        return null;
    }
}
