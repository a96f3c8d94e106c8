package io.slipway.drivers.ipmi.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** One running {@code ipmi_sim} process and the files that hold its chassis state. */
public final class IpmiSimInstance {

    private final Path dir;
    private final int port;
    private final Process process;

    private IpmiSimInstance(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static IpmiSimInstance launch(Path dir, Path shared, int index, int port) throws IOException {
        String name = "bmc" + index;
        Path state = Files.createDirectories(dir.resolve("state/ipmi_sim/" + name));
        Files.copy(shared.resolve("sdr.20.main"), state.resolve("sdr.20.main"));
        Path chassis = Files.createDirectories(dir.resolve("chassis"));
        Files.write(dir.resolve("fru.bin"), IpmiSim.fruImage(index));
        byte[] guid = new byte[16];
        ThreadLocalRandom.current().nextBytes(guid);
        String control = shared.resolve("chassisctl.sh") + " " + chassis;
        Files.writeString(
                dir.resolve("lan.conf"),
                IpmiSimFiles.lanConf(name, port, HexFormat.of().formatHex(guid), control));
        Files.writeString(
                dir.resolve("bmc.emu"), IpmiSimFiles.emu(dir.resolve("fru.bin").toString()));
        Process p = new ProcessBuilder("ipmi_sim", "-c", "lan.conf", "-f", "bmc.emu", "-s", "state", "-n")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sim.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return new IpmiSimInstance(dir, port, p);
    }

    public int port() {
        return port;
    }

    /** Where the chassis-control script keeps power, boot device and its action log. */
    public Path chassisDir() {
        return dir.resolve("chassis");
    }

    /** "0" or "1" as the chassis-control script last stored it. */
    public String power() throws IOException {
        Path f = dir.resolve("chassis/power");
        return Files.exists(f) ? Files.readString(f).trim() : "0";
    }

    /** The boot device name the simulator passed to the script (pxe, default, ...). */
    public String boot() throws IOException {
        Path f = dir.resolve("chassis/boot");
        return Files.exists(f) ? Files.readString(f).trim() : "default";
    }

    /** Every "set" the simulator forwarded to the chassis, oldest first. */
    public List<String> actions() throws IOException {
        Path f = dir.resolve("chassis/actions.log");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    /** Powers the chassis off and forgets the boot device and the action log (between bench runs). */
    public void reset() throws IOException {
        Path chassis = dir.resolve("chassis");
        Files.writeString(chassis.resolve("power"), "0\n");
        Files.writeString(chassis.resolve("boot"), "default\n");
        Files.deleteIfExists(chassis.resolve("actions.log"));
    }

    /**
     * CPU the process and the chassis-control programs it ran have used, in clock ticks (utime,
     * stime, cutime and cstime of /proc/PID/stat); -1 when unreadable.
     */
    public long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
