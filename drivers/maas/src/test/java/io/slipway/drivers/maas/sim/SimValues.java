package io.slipway.drivers.maas.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Small value helpers of the simulator: lists by field, DNS server lists, IPv4 containment. */
final class SimValues {
    private SimValues() {}

    static JsonArray dns(String servers) {
        JsonArray a = new JsonArray();
        if (servers != null) {
            for (String s : servers.split("[\\s,]+")) {
                if (!s.isBlank()) {
                    a.add(s);
                }
            }
        }
        return a;
    }

    static JsonObject find(JsonArray list, String field, Object value) {
        return list.stream()
                .map(JsonObject.class::cast)
                .filter(o -> String.valueOf(value).equals(String.valueOf(o.getValue(field))))
                .findFirst()
                .orElse(null);
    }

    static boolean contains(String cidr, String ip) {
        String[] p = cidr.split("/");
        int bits = Integer.parseInt(p[1]);
        long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
        return (ipv4(p[0]) & mask) == (ipv4(ip) & mask);
    }

    static boolean between(String ip, String start, String end) {
        long v = ipv4(ip);
        return v >= ipv4(start) && v <= ipv4(end);
    }

    private static long ipv4(String ip) {
        long v = 0;
        for (String o : ip.split("\\.")) {
            v = (v << 8) | Integer.parseInt(o);
        }
        return v;
    }
}
