package io.slipway.api.netboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * N {@link VmNode}s sharing one TFTP directory (slirp serves its {@code boot.ipxe}, which chains to
 * the boot listener at {@code http://198.51.100.100}, forwarded by qemu's {@code guestfwd} to
 * {@code 127.0.0.1:bootPort}). Nothing leaves loopback or the VMs' user networking.
 */
final class VmLab implements AutoCloseable {
    final Path root;
    final int bootPort;
    final List<VmNode> nodes = new ArrayList<>();

    private VmLab(Path root, int bootPort) {
        this.root = root;
        this.bootPort = bootPort;
    }

    static VmLab start(Path root, int count, int bootPort, int memMiB) throws IOException {
        VmLab lab = new VmLab(root, bootPort);
        try {
            Path tftp = Files.createDirectories(root.resolve("tftp"));
            Files.copy(resource("boot.ipxe"), tftp.resolve("boot.ipxe"));
            Path script = root.resolve("chassisctl-qemu.sh");
            Files.copy(resource("chassisctl-qemu.sh"), script);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (int i = 1; i <= count; i++) {
                lab.nodes.add(VmNode.start("vm" + i, i, root.resolve("vm" + i), script, tftp, bootPort, memMiB));
            }
            for (VmNode n : lab.nodes) {
                awaitBmc(n.bmcAddress, n.ipmiPort);
            }
            return lab;
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** Every VM's console tail and BMC actions, for failure messages. */
    String diagnostics() {
        StringBuilder b = new StringBuilder();
        for (VmNode n : nodes) {
            try {
                String c = n.console();
                b.append("\n===== ")
                        .append(n.name)
                        .append(" (")
                        .append(n.mac)
                        .append(") BMC actions: ")
                        .append(n.actions())
                        .append("\n----- console (tail):\n")
                        .append(c.substring(Math.max(0, c.length() - 3000)));
            } catch (IOException e) {
                b.append("\n").append(n.name).append(": ").append(e);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        for (VmNode n : nodes) {
            try {
                n.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static int freeUdpPort(String address) throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static InputStream resource(String name) {
        return VmLab.class.getResourceAsStream("/netboot/" + name);
    }

    /** Sends Get Channel Authentication Capabilities until the BMC answers (max 10 s). */
    private static void awaitBmc(String address, int port) throws IOException {
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
                s.send(new DatagramPacket(probe, probe.length, InetAddress.getByName(address), port));
                try {
                    s.receive(new DatagramPacket(new byte[512], 512));
                    return;
                } catch (SocketTimeoutException notYet) {
                    // still starting
                }
            }
        }
        throw new IOException("ipmi_sim on " + address + ":" + port + " did not answer within 10 s");
    }
}
