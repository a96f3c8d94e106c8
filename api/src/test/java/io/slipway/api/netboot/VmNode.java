package io.slipway.api.netboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One simulated server: an OpenIPMI {@code ipmi_sim} BMC on {@code 127.0.0.<10+index>:port} whose chassis
 * control program ({@code chassisctl-qemu.sh}) starts and stops a qemu VM with a blank disk. The VM's
 * serial console is appended to {@code console.log} across boots. Blocking; test threads only.
 */
final class VmNode implements AutoCloseable {
    /** Sparse: only what the agent writes takes space. */
    static final long DISK_BYTES = 24L << 30;

    final String name;
    final String mac;
    final String bmcAddress;
    final int ipmiPort;
    final Path dir;
    private final Process sim;

    private VmNode(String name, String mac, String bmcAddress, int ipmiPort, Path dir, Process sim) {
        this.name = name;
        this.mac = mac;
        this.bmcAddress = bmcAddress;
        this.ipmiPort = ipmiPort;
        this.dir = dir;
        this.sim = sim;
    }

    /** Creates the disk and the BMC files and starts {@code ipmi_sim}; the VM stays off. */
    static VmNode start(String name, int index, Path dir, Path script, Path tftp, int bootPort, int memMiB)
            throws IOException {
        Files.createDirectories(dir.resolve("state"));
        String mac = String.format("52:54:00:5e:%02x:%02x", index / 256, index % 256);
        String address = "127.0.0." + (10 + index);
        int port = VmLab.freeUdpPort(address);
        Path disk = dir.resolve("disk.raw");
        try (var f = new java.io.RandomAccessFile(disk.toFile(), "rw")) {
            f.setLength(DISK_BYTES);
        }
        Files.writeString(
                dir.resolve("vm.env"),
                "MAC=%s%nDISK=%s%nTFTP=%s%nBOOT_PORT=%d%nMEM=%d%n".formatted(mac, disk, tftp, bootPort, memMiB));
        byte[] guid = new byte[16];
        ThreadLocalRandom.current().nextBytes(guid);
        Files.writeString(dir.resolve("lan.conf"), """
        name "%s"
        set_working_mc 0x20
          startlan 1
            addr %s %d
            priv_limit admin
            allowed_auths_callback none md2 md5 straight
            allowed_auths_user none md2 md5 straight
            allowed_auths_operator none md2 md5 straight
            allowed_auths_admin none md2 md5 straight
            guid %s
          endlan
          chassis_control "%s %s"
          user 2 true "admin" "password" admin 10 none md2 md5 straight
        """.formatted(
                        name, address, port, HexFormat.of().formatHex(guid), script, dir));
        Files.writeString(dir.resolve("bmc.emu"), """
        mc_setbmc 0x20
        mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr
        sel_enable 0x20 1000 0x0a
        mc_enable 0x20
        """);
        Process p = new ProcessBuilder("ipmi_sim", "-c", "lan.conf", "-f", "bmc.emu", "-s", "state", "-n")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sim.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return new VmNode(name, mac, address, port, dir, p);
    }

    /** The VM's serial console, PXE and disk boots in one file. */
    String console() throws IOException {
        Path f = dir.resolve("console.log");
        return Files.exists(f) ? Files.readString(f).replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]", "") : "";
    }

    /** Every power/boot request the BMC forwarded, with its time. */
    List<String> actions() throws IOException {
        Path f = dir.resolve("actions.log");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    boolean vmRunning() throws IOException {
        Path pid = dir.resolve("qemu.pid");
        return Files.exists(pid)
                && ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
                        .map(ProcessHandle::isAlive)
                        .orElse(false);
    }

    /** Stops the BMC and the VM (by the pid qemu wrote). */
    @Override
    public void close() throws IOException {
        sim.destroy();
        try {
            if (!sim.waitFor(3, TimeUnit.SECONDS)) {
                sim.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path pid = dir.resolve("qemu.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
