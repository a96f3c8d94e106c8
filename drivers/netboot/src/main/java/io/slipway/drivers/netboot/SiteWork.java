package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.SiteReport;
import io.slipway.drivers.spi.node.SiteSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Site-wide checks and files of the netboot driver. File I/O: call from a worker thread. */
final class SiteWork {
    static final List<String> ARTEFACTS = List.of("vmlinuz", "initrd.gz");
    private final NetbootConfig config;
    private final ImageRegistry images;

    SiteWork(NetbootConfig config, ImageRegistry images) {
        this.config = config;
        this.images = images;
    }

    /**
     * The images whose files hash to their registered sha256 (the catalog); fails with {@code REFUSED}
     * when the agent artefacts are missing or no image is usable, naming each problem.
     */
    SiteReport siteReport() {
        List<String> missing = ARTEFACTS.stream()
                .map(a -> config.artefactsDir().resolve(a))
                .filter(p -> !Files.isRegularFile(p))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new DriverException(
                    DriverException.Kind.REFUSED,
                    false,
                    "agent artefacts missing: " + missing + " (build the agent initramfs into artefactsDir "
                            + config.artefactsDir() + ")");
        }
        Map<String, Set<String>> catalog = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<ImageRegistry.Image> all;
        try {
            all = images.list();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new DriverException(DriverException.Kind.REFUSED, false, e.getMessage());
        }
        for (ImageRegistry.Image i : all) {
            String p = images.problem(i);
            if (p == null) {
                catalog.put(i.name(), Set.of());
            } else {
                problems.add(p);
            }
        }
        if (catalog.isEmpty()) {
            throw new DriverException(
                    DriverException.Kind.REFUSED,
                    false,
                    "no usable OS image in " + images.dir()
                            + (problems.isEmpty()
                                    ? " (register one: slipway netboot image add --images-dir " + images.dir()
                                            + " NAME FILE --format raw|gzip)"
                                    : ": " + problems));
        }
        return new SiteReport(
                catalog,
                "netboot listener " + config.baseUrl() + ", " + catalog.size() + " image(s) verified"
                        + (problems.isEmpty() ? "" : "; unusable: " + problems));
    }

    /** Renders the ProxyDHCP configuration and writes it to {@code dnsmasqConfig} when set (atomically). */
    String dnsmasq(SiteSpec site) {
        String text = DnsmasqConfig.render(site, config.baseUrl(), config.tftpRoot(), config.pxeNetworks());
        Path target = config.dnsmasqConfig();
        if (target != null) {
            try {
                if (!Files.exists(target) || !Files.readString(target).equals(text)) {
                    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
                    Files.writeString(tmp, text);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("writing " + target + ": " + e.getMessage(), e);
            }
        }
        return text;
    }
}
