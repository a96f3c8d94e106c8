package io.slipway.drivers.netboot;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the {@code netboot} node driver ({@code drivers.node.netboot}). {@link #from} fails with
 * one message naming every missing or malformed key, so {@code serve} can say exactly what to set.
 *
 * @param bind address the boot listener binds (the provisioning interface), default {@code 127.0.0.1}
 * @param port its port, default 8480 (0 = ephemeral, for tests)
 * @param baseUrl the URL nodes use to reach the listener; never derived from {@code bind}
 * @param artefactsDir holds the agent's {@code vmlinuz} and {@code initrd.gz}
 * @param imagesDir holds the OS images and their registry {@code images.json}
 * @param dnsmasqConfig file {@code prepare_site} writes the ProxyDHCP configuration to, or null (kept in state only)
 * @param tftpRoot the dnsmasq TFTP root holding {@code undionly.kpxe} and {@code ipxe.efi}, default {@code /srv/tftp}
 * @param pxeNetworks the design networks nodes PXE-boot on; empty = every network with a {@code dhcp} range
 */
public record NetbootConfig(
        String bind,
        int port,
        String baseUrl,
        Path artefactsDir,
        Path imagesDir,
        Path dnsmasqConfig,
        String tftpRoot,
        List<String> pxeNetworks,
        String agentKernelArgs,
        long tokenTtlMs,
        long commissionTimeoutMs,
        long deployTimeoutMs,
        long eraseTimeoutMs,
        long bootedTimeoutMs,
        long residentWindowMs,
        int maxPollWaitS) {

    /** Every key, for error messages and docs. */
    public static final String KEYS =
            "bind, port, baseUrl, artefactsDir, imagesDir, dnsmasqConfig, tftpRoot, pxeNetworks,"
                    + " agentKernelArgs,"
                    + " tokenTtlS, commissionTimeoutS, deployTimeoutS, eraseTimeoutS, bootedTimeoutS, residentWindowS, maxPollWaitS";

    public static NetbootConfig from(JsonObject c) {
        List<String> problems = new ArrayList<>();
        String base = c.getString("baseUrl");
        if (base == null || base.isBlank()) {
            problems.add("baseUrl (the URL nodes reach the boot listener at, e.g. http://10.0.0.5:8480) is required");
        } else if (!validUrl(base)) {
            problems.add("baseUrl " + base + " is not an http(s) URL");
        }
        Path artefacts = dir(c, "artefactsDir", "the directory holding the agent's vmlinuz and initrd.gz", problems);
        Path images = dir(c, "imagesDir", "the directory holding OS images and images.json", problems);
        int port = c.getInteger("port", 8480);
        if (port < 0 || port > 65535) {
            problems.add("port " + port + " is not a TCP port");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "netboot driver settings (drivers.node.netboot): " + String.join("; ", problems));
        }
        String dnsmasq = c.getString("dnsmasqConfig");
        return new NetbootConfig(
                c.getString("bind", "127.0.0.1"),
                port,
                trimSlash(base),
                artefacts,
                images,
                dnsmasq == null ? null : Path.of(dnsmasq),
                c.getString("tftpRoot", "/srv/tftp"),
                networks(c),
                c.getString("agentKernelArgs", "console=ttyS0 quiet"),
                seconds(c, "tokenTtlS", 3600),
                seconds(c, "commissionTimeoutS", 1800),
                seconds(c, "deployTimeoutS", 3600),
                seconds(c, "eraseTimeoutS", 3600),
                seconds(c, "bootedTimeoutS", 1800),
                seconds(c, "residentWindowS", 120),
                c.getInteger("maxPollWaitS", 60));
    }

    private static List<String> networks(JsonObject c) {
        Object v = c.getValue("pxeNetworks");
        if (v instanceof String s) {
            return s.isBlank() ? List.of() : List.of(s.split("\\s*,\\s*"));
        }
        return v instanceof io.vertx.core.json.JsonArray a
                ? a.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static boolean validUrl(String s) {
        try {
            URI u = URI.create(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Path dir(JsonObject c, String key, String what, List<String> problems) {
        String v = c.getString(key);
        if (v == null || v.isBlank()) {
            problems.add(key + " (" + what + ") is required");
            return null;
        }
        return Path.of(v);
    }

    private static long seconds(JsonObject c, String key, long dflt) {
        return c.getLong(key, dflt) * 1000;
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
