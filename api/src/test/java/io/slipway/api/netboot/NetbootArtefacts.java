package io.slipway.api.netboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The agent's boot artefacts and the test OS image, built from Debian packages by the repository's
 * scripts ({@code drivers/netboot/agent/build-initramfs.sh}, {@code testos/build-testos.sh}) into a
 * cache directory, and rebuilt only when the scripts change. The .deb cache is shared with
 * {@code .ci/run}: {@code $SLIPWAY_NETBOOT_CACHE}, else {@code ~/.cache/slipway/netboot}.
 */
record NetbootArtefacts(Path vmlinuz, Path initrd, Path image, String imageSha256) {

    /** The same test OS as a raw disk image (no decompression on the node), or the gzip one. */
    NetbootArtefacts raw() throws IOException {
        Path rawImage = image.resolveSibling("testos.img");
        return new NetbootArtefacts(
                vmlinuz,
                initrd,
                rawImage,
                Files.readString(rawImage.resolveSibling("testos.img.sha256")).trim());
    }

    /** The registry's format word for the image. */
    String format() {
        return image.getFileName().toString().endsWith(".gz") ? "gzip" : "raw";
    }

    static synchronized NetbootArtefacts build(Path repo) throws IOException, InterruptedException {
        Path agent = repo.resolve("drivers/netboot/agent");
        Path cache = cacheDir();
        // the agent's kernel flavour: Debian's generic one unless the bench asks for another
        String flavour = System.getProperty("netboot.agent.kernel", "amd64");
        String stamp = sourcesDigest(agent);
        Path out = cache.resolve("build-" + stamp.substring(0, 16) + ("amd64".equals(flavour) ? "" : "-" + flavour));
        if (!Files.exists(out.resolve("done"))) {
            Files.createDirectories(out);
            run(
                    out,
                    agent.resolve("build-initramfs.sh").toString(),
                    out.resolve("agent").toString(),
                    cache.resolve("debs").toString(),
                    flavour);
            run(
                    out,
                    agent.resolve("testos/build-testos.sh").toString(),
                    out.resolve("testos").toString(),
                    cache.resolve("debs").toString());
            Files.writeString(out.resolve("done"), stamp);
        }
        return new NetbootArtefacts(
                out.resolve("agent/vmlinuz"),
                out.resolve("agent/initrd.gz"),
                out.resolve("testos/testos.img.gz"),
                Files.readString(out.resolve("testos/testos.img.gz.sha256")).trim());
    }

    static Path cacheDir() {
        String env = System.getenv("SLIPWAY_NETBOOT_CACHE");
        return env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache/slipway/netboot");
    }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Path log = dir.resolve("build.log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed:\n" + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** sha256 over every file of the agent tree, so a changed script rebuilds. */
    private static String sourcesDigest(Path agent) throws IOException {
        try (Stream<Path> files = Files.walk(agent)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(agent.relativize(f).toString().getBytes());
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
