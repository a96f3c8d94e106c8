package io.slipway.engine.design;

import io.slipway.engine.design.model.HardwareProfile;
import io.slipway.engine.design.model.Rack;
import io.slipway.engine.design.model.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds {@code Region}, {@code Rack} and {@code HardwareProfile} documents. */
final class SiteBinder {
    private SiteBinder() {}

    static Region region(Fields d) {
        d.only("tag_definitions", "authorized_keys", "repositories");
        List<Region.TagDefinition> tags = d.list("tag_definitions", t -> {
            t.only("tag", "definition_type", "definition");
            return new Region.TagDefinition(
                    t.string("tag"), t.oneOf("definition_type", Set.of("lshw_xpath")), t.string("definition"));
        });
        List<String> keys = d.strings("authorized_keys");
        Fields repos = d.object("repositories");
        boolean removeUnlisted = false;
        List<Region.Repository> repositories = new ArrayList<>();
        if (repos != null) {
            for (String name : repos.keys()) {
                if (name.equals("remove_unlisted")) {
                    removeUnlisted = Boolean.TRUE.equals(repos.bool(name));
                } else {
                    Fields r = repos.object(name);
                    if (r != null) {
                        repositories.add(repository(name, r));
                    }
                }
            }
        }
        return new Region(
                d.ctx().ref(),
                d.ctx().ref().name(),
                tags == null ? List.of() : tags,
                keys == null ? List.of() : keys,
                removeUnlisted,
                repositories);
    }

    private static Region.Repository repository(String name, Fields r) {
        r.only("url", "repo_type", "gpgkey", "distributions", "subrepos", "components", "arches", "options");
        for (String required : List.of("url", "repo_type")) {
            if (!r.has(required)) {
                r.ctx().schemaError(r.raw(required), r.path(), "'" + required + "' is a required property");
            }
        }
        List<String> arches = r.strings("arches");
        return new Region.Repository(
                name,
                r.string("url"),
                r.string("repo_type"),
                r.string("gpgkey"),
                orEmpty(r.strings("distributions")),
                orEmpty(r.strings("subrepos")),
                orEmpty(r.strings("components")),
                arches == null ? List.of("amd64") : arches,
                orEmpty(r.textMap("options")));
    }

    static Rack rack(Fields d) {
        d.only("tor_switches", "location", "local_networks", "labels");
        Map<String, Rack.TorSwitch> switches = new LinkedHashMap<>();
        Map<String, Fields> tors = d.objects("tor_switches");
        if (tors != null) {
            tors.forEach((name, s) -> {
                if (s != null) {
                    s.only("mgmt_ip", "sdn_api_uri");
                    switches.put(name, new Rack.TorSwitch(name, s.string("mgmt_ip"), s.string("sdn_api_uri")));
                }
            });
        }
        return new Rack(
                d.ctx().ref(),
                d.ctx().ref().name(),
                switches,
                orEmpty(d.textMap("location")),
                orEmpty(d.strings("local_networks")),
                orEmpty(d.textMap("labels")));
    }

    static HardwareProfile hardware(Fields d) {
        d.only(
                "vendor",
                "generation",
                "hw_version",
                "bios_version",
                "boot_mode",
                "bootstrap_protocol",
                "pxe_interface",
                "device_aliases",
                "cpu_sets",
                "hugepages");
        List<HardwareProfile.DeviceAlias> aliases = new ArrayList<>();
        Map<String, Fields> devs = d.objects("device_aliases");
        if (devs != null) {
            devs.forEach((alias, a) -> {
                if (a != null) {
                    aliases.add(new HardwareProfile.DeviceAlias(
                            alias, a.text("address"), a.string("bus_type"), a.text("dev_type")));
                }
            });
        }
        Map<String, HardwareProfile.Hugepages> pages = new LinkedHashMap<>();
        Map<String, Fields> hp = d.objects("hugepages");
        if (hp != null) {
            hp.forEach((name, h) -> {
                if (h != null) {
                    h.only("size", "count");
                    Long count = h.longValue("count");
                    if (count != null && count < 0) {
                        h.ctx()
                                .schemaError(
                                        h.raw("count"), h.path() + ".count", count + " is less than the minimum of 0");
                    }
                    pages.put(name, new HardwareProfile.Hugepages(h.text("size"), count));
                }
            });
        }
        return new HardwareProfile(
                d.ctx().ref(),
                d.ctx().ref().name(),
                d.text("vendor"),
                d.text("generation"),
                d.text("hw_version"),
                d.text("bios_version"),
                d.oneOf("boot_mode", Set.of("bios", "uefi")),
                d.oneOf("bootstrap_protocol", Set.of("pxe", "usb", "hdd")),
                d.text("pxe_interface"),
                aliases,
                orEmpty(d.textMap("cpu_sets")),
                pages);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
