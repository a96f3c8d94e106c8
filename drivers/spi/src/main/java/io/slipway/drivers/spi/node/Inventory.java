package io.slipway.drivers.spi.node;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hardware a node reports about itself (the netboot agent's {@code inventory} document, or a
 * bootstrapper's commissioning data translated to it). Immutable; {@link #parse} is strict about
 * types and names the offending field, lenient about absent optional fields (null or empty).
 *
 * @param memoryKib total memory in KiB
 */
public record Inventory(List<Nic> nics, List<Disk> disks, Cpu cpu, long memoryKib, Dmi dmi) {

    public Inventory {
        nics = List.copyOf(nics);
        disks = List.copyOf(disks);
    }

    /** A network interface; {@code pci} is {@code dddd:bb:dd.f} or null (virtual); {@code speedMbps} -1 = unknown. */
    public record Nic(String name, String mac, String pci, String driver, boolean link, int speedMbps) {}

    /** A disk; {@code scsi} is {@code H:C:T:L} or null; {@code byPath} the {@code /dev/disk/by-path} name or null. */
    public record Disk(
            String name,
            long sizeBytes,
            String model,
            String serial,
            String byPath,
            String pci,
            String scsi,
            boolean rotational) {}

    public record Cpu(int count, String model) {}

    /** SMBIOS system vendor, product name and serial number. */
    public record Dmi(String vendor, String product, String serial) {}

    /** Parses the agent's JSON; fails with {@link IllegalArgumentException} naming the field. */
    public static Inventory parse(String json) {
        JsonObject o;
        try {
            o = new JsonObject(json);
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("inventory: not a JSON object: " + e.getMessage());
        }
        try {
            return fromJson(o);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("inventory: a field has the wrong type: " + e.getMessage());
        }
    }

    static Inventory fromJson(JsonObject o) {
        List<Nic> nics = new ArrayList<>();
        JsonArray na = o.getJsonArray("nics", new JsonArray());
        for (int i = 0; i < na.size(); i++) {
            JsonObject n = na.getJsonObject(i);
            String mac = required(n, "nics[" + i + "].mac").toLowerCase(Locale.ROOT);
            nics.add(new Nic(
                    required(n, "nics[" + i + "].name"),
                    mac,
                    blank(n.getString("pci")),
                    blank(n.getString("driver")),
                    n.getBoolean("link", false),
                    n.getInteger("speed_mbps", -1)));
        }
        List<Disk> disks = new ArrayList<>();
        JsonArray da = o.getJsonArray("disks", new JsonArray());
        for (int i = 0; i < da.size(); i++) {
            JsonObject d = da.getJsonObject(i);
            disks.add(new Disk(
                    required(d, "disks[" + i + "].name"),
                    d.getLong("size_bytes", 0L),
                    blank(d.getString("model")),
                    blank(d.getString("serial")),
                    blank(d.getString("by_path")),
                    blank(d.getString("pci")),
                    blank(d.getString("scsi")),
                    d.getBoolean("rotational", false)));
        }
        JsonObject c = o.getJsonObject("cpu", new JsonObject());
        JsonObject m = o.getJsonObject("dmi", new JsonObject());
        return new Inventory(
                nics,
                disks,
                new Cpu(c.getInteger("count", 0), blank(c.getString("model"))),
                o.getLong("memory_kib", 0L),
                new Dmi(blank(m.getString("vendor")), blank(m.getString("product")), blank(m.getString("serial"))));
    }

    /** The contract's JSON shape (what {@link #parse} reads). */
    public JsonObject toJson() {
        JsonArray na = new JsonArray();
        nics.forEach(n -> na.add(new JsonObject()
                .put("name", n.name())
                .put("mac", n.mac())
                .put("pci", n.pci())
                .put("driver", n.driver())
                .put("link", n.link())
                .put("speed_mbps", n.speedMbps())));
        JsonArray da = new JsonArray();
        disks.forEach(d -> da.add(new JsonObject()
                .put("name", d.name())
                .put("size_bytes", d.sizeBytes())
                .put("model", d.model())
                .put("serial", d.serial())
                .put("by_path", d.byPath())
                .put("pci", d.pci())
                .put("scsi", d.scsi())
                .put("rotational", d.rotational())));
        return new JsonObject()
                .put("nics", na)
                .put("disks", da)
                .put("cpu", new JsonObject().put("count", cpu.count()).put("model", cpu.model()))
                .put("memory_kib", memoryKib)
                .put(
                        "dmi",
                        new JsonObject()
                                .put("vendor", dmi.vendor())
                                .put("product", dmi.product())
                                .put("serial", dmi.serial()));
    }

    /** A few normalised facts for a {@link HardwareManifest} summary. */
    public Map<String, String> summary() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("cpus", Integer.toString(cpu.count()));
        s.put("memory_mib", Long.toString(memoryKib / 1024));
        s.put(
                "nics",
                String.join(
                        ",", nics.stream().map(n -> n.name() + "=" + n.mac()).toList()));
        s.put(
                "disks",
                String.join(
                        ",",
                        disks.stream().map(d -> d.name() + "=" + d.sizeBytes()).toList()));
        if (dmi.vendor() != null) {
            s.put("vendor", dmi.vendor());
        }
        if (dmi.product() != null) {
            s.put("product", dmi.product());
        }
        return s;
    }

    /** The NIC with {@code mac} (any case, colon or hyphen form), or null. */
    public Nic nicByMac(String mac) {
        String m = mac == null ? "" : mac.replace('-', ':').toLowerCase(Locale.ROOT);
        return nics.stream().filter(n -> n.mac().equals(m)).findFirst().orElse(null);
    }

    private static String required(JsonObject o, String field) {
        String v = o.getString(field.substring(field.lastIndexOf('.') + 1));
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("inventory: " + field + " is required");
        }
        return v;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
