package io.slipway.drivers.ipmi.sim;

import io.slipway.drivers.ipmi.command.Fru;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts and stops OpenIPMI {@code ipmi_sim} BMCs for tests and benchmarks. Everything an instance
 * needs (lan.conf, command file, FRU image, compiled SDRs, chassis-control script) is generated
 * into a temporary directory; power and boot state live in files the script writes.
 *
 * <p>Only blocking test threads use this class; it is never called on an event loop.
 */
public final class IpmiSim implements AutoCloseable {

    public static final String USER = "admin";
    public static final String PASSWORD = "password";

    private final Path root;
    private final List<IpmiSimInstance> instances = new ArrayList<>();

    private IpmiSim(Path root) {
        this.root = root;
    }

    /** True when {@code ipmi_sim} and {@code sdrcomp} are on the PATH. */
    public static boolean available() {
        return onPath("ipmi_sim") && onPath("sdrcomp");
    }

    /**
     * Skips the calling test when {@code ipmi_sim} is missing, except in CI ({@code CI=true}) where a
     * missing simulator must fail the build rather than hide the interop tests.
     */
    public static void requireOrSkip() {
        if (available()) {
            return;
        }
        String message = "ipmi_sim/sdrcomp not found on PATH (Debian package openipmi)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + "; CI=true, so the interop tests must run");
        }
        Assumptions.abort(message + "; skipping interop tests outside CI");
    }

    /** Starts {@code count} instances on free loopback ports and waits until each answers. */
    public static IpmiSim start(int count) throws IOException, InterruptedException {
        IpmiSim sim = new IpmiSim(Files.createTempDirectory("slipway-ipmi-sim"));
        try {
            Path shared = sim.prepareShared();
            for (int i = 1; i <= count; i++) {
                sim.instances.add(IpmiSimInstance.launch(sim.root.resolve("bmc" + i), shared, i, freePort()));
            }
            for (IpmiSimInstance instance : sim.instances) {
                awaitAnswer(instance.port());
            }
            return sim;
        } catch (IOException | InterruptedException | RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    public List<IpmiSimInstance> instances() {
        return List.copyOf(instances);
    }

    public IpmiSimInstance get(int index) {
        return instances.get(index);
    }

    @Override
    public void close() {
        instances.forEach(IpmiSimInstance::stop);
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }

    /** The chassis-control script and the compiled SDR repository, shared by all instances. */
    private Path prepareShared() throws IOException, InterruptedException {
        Path shared = Files.createDirectories(root.resolve("shared"));
        Path script = shared.resolve("chassisctl.sh");
        Files.writeString(script, IpmiSimFiles.CHASSIS_SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(shared.resolve("sim.sdrs"), IpmiSimFiles.SDRS);
        Process p = new ProcessBuilder("sdrcomp", "-o", "sdr.20.main", "sim.sdrs")
                .directory(shared.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("sdrcomp failed: " + out);
        }
        return shared;
    }

    static byte[] fruImage(int index) {
        String serial = String.format("SN%04d", index);
        return Fru.build(Map.of(
                "chassis.serial",
                "CHS-" + serial,
                "board.manufacturer",
                "SimCorp",
                "board.product",
                "SimBoard X1",
                "product.manufacturer",
                "SimCorp",
                "product.name",
                "SimServer 1000",
                "product.serial",
                serial));
    }

    /** Sends Get Channel Authentication Capabilities until the instance answers (max 10 s). */
    static void awaitAnswer(int port) throws IOException {
        byte[] probe = {
            0x06,
            0x00,
            (byte) 0xFF,
            0x07,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            9,
            0x20,
            0x18,
            (byte) 0xC8,
            (byte) 0x81,
            0x04,
            0x38,
            (byte) 0x8E,
            0x04,
            (byte) 0xB1
        };
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(100);
            for (int i = 0; i < 100; i++) {
                s.send(new DatagramPacket(probe, probe.length, InetAddress.getLoopbackAddress(), port));
                try {
                    s.receive(new DatagramPacket(new byte[512], 512));
                    return;
                } catch (SocketTimeoutException notYet) {
                    // still starting
                }
            }
        }
        throw new IOException("ipmi_sim on port " + port + " did not answer within 10 s");
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
