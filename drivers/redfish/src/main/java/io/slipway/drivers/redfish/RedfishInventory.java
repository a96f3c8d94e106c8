package io.slipway.drivers.redfish;

import io.slipway.drivers.spi.SensorReading;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ComputerSystem and Thermal fields in the SPI's inventory vocabulary. */
final class RedfishInventory {

    private RedfishInventory() {}

    static Map<String, String> device(JsonObject system) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "manufacturer", system.getString("Manufacturer"));
        put(m, "model", system.getString("Model"));
        put(m, "firmware", system.getString("BiosVersion"));
        put(m, "uuid", system.getString("UUID"));
        return m;
    }

    static Map<String, String> fru(JsonObject system) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "product.manufacturer", system.getString("Manufacturer"));
        put(m, "product.name", system.getString("Model"));
        put(m, "product.serial", system.getString("SerialNumber"));
        put(m, "product.partNumber", system.getString("PartNumber"));
        put(m, "product.assetTag", system.getString("AssetTag"));
        return m;
    }

    static List<SensorReading> sensors(JsonObject thermal) {
        List<SensorReading> out = new ArrayList<>();
        for (Object o : thermal.getJsonArray("Temperatures", new JsonArray())) {
            JsonObject t = (JsonObject) o;
            out.add(new SensorReading(t.getString("Name", "temperature"), number(t, "ReadingCelsius"), "C"));
        }
        for (Object o : thermal.getJsonArray("Fans", new JsonArray())) {
            JsonObject f = (JsonObject) o;
            String unit = "Percent".equals(f.getString("ReadingUnits")) ? "%" : "RPM";
            out.add(new SensorReading(f.getString("Name", "fan"), number(f, "Reading"), unit));
        }
        return out;
    }

    private static double number(JsonObject o, String key) {
        Object v = o.getValue(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }
}
