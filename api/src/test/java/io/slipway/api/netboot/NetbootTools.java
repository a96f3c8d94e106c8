package io.slipway.api.netboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The host tools the VM proof needs. Missing tools skip the tests on a developer machine and fail
 * them under {@code CI=true}, so CI can never pass without running the proof.
 */
final class NetbootTools {
    static final List<String> COMMANDS = List.of(
            "qemu-system-x86_64",
            "ipmi_sim",
            "ipmitool",
            "socat",
            "cpio",
            "syslinux",
            "mcopy",
            "mkfs.fat",
            "modinfo",
            "dpkg-deb",
            "apt-get",
            "apt-cache",
            "gzip");
    static final String PACKAGES =
            "qemu-system-x86 ipxe-qemu openipmi ipmitool busybox-static cpio socat syslinux syslinux-common mtools dosfstools kmod";

    private NetbootTools() {}

    static void requireOrSkip() {
        List<String> missing = COMMANDS.stream().filter(c -> !onPath(c)).toList();
        boolean rom = Files.exists(Path.of("/usr/lib/ipxe/qemu/efi-virtio.rom"))
                || Files.exists(Path.of("/usr/share/qemu/efi-virtio.rom"));
        boolean mbr = Files.exists(Path.of("/usr/lib/syslinux/mbr/mbr.bin"));
        if (missing.isEmpty() && rom && mbr) {
            return;
        }
        String message = "the netboot VM proof needs " + missing + (rom ? "" : " and the iPXE virtio ROM")
                + (mbr ? "" : " and syslinux's mbr.bin") + " (Debian packages: " + PACKAGES
                + "; .ci/run installs them)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + "; CI=true, so the proof must run");
        }
        Assumptions.abort(message + "; skipping outside CI");
    }

    static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
