package io.slipway.api.netboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the corner of a Linux sysfs/procfs the agent's inventory reads, with the kernel's symlinks. */
final class FakeSysfs {
    private final Path sys;
    private final Path proc;

    FakeSysfs(Path root) throws IOException {
        this.sys = Files.createDirectories(root.resolve("sys"));
        this.proc = Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(sys.resolve("class/net"));
        Files.createDirectories(sys.resolve("block"));
    }

    void virtioNic(String name, String pci, String virtio, String mac, boolean carrier) throws IOException {
        Path dev = Files.createDirectories(sys.resolve("devices/pci0000:00/" + pci + "/" + virtio));
        Path net = Files.createDirectories(dev.resolve("net/" + name));
        Path driver = Files.createDirectories(sys.resolve("bus/virtio/drivers/virtio_net"));
        Files.createSymbolicLink(dev.resolve("driver"), dev.relativize(driver));
        Files.createSymbolicLink(net.resolve("device"), net.relativize(dev));
        Files.writeString(net.resolve("address"), mac + "\n");
        Files.writeString(net.resolve("carrier"), carrier ? "1\n" : "0\n");
        link(sys.resolve("class/net/" + name), net);
    }

    void virtualNic(String name) throws IOException {
        Path net = Files.createDirectories(sys.resolve("devices/virtual/net/" + name));
        Files.writeString(net.resolve("address"), "00:00:00:00:00:00\n");
        link(sys.resolve("class/net/" + name), net);
    }

    void virtioDisk(String name, String pci, String virtio, long bytes, String serial) throws IOException {
        Path dev = Files.createDirectories(sys.resolve("devices/pci0000:00/" + pci + "/" + virtio));
        Path block = disk(dev, name, bytes, true);
        Files.writeString(block.resolve("serial"), serial + "\n");
    }

    void scsiDisk(String name, String pci, String hctl, long bytes, String model) throws IOException {
        String host = "host" + hctl.split(":")[0];
        String target = "target" + hctl.substring(0, hctl.lastIndexOf(':'));
        Path dev = Files.createDirectories(
                sys.resolve("devices/pci0000:00/" + pci + "/" + host + "/" + target + "/" + hctl));
        Files.writeString(dev.resolve("model"), model + "\n");
        disk(dev, name, bytes, false);
    }

    void virtualDisk(String name) throws IOException {
        Path block = Files.createDirectories(sys.resolve("devices/virtual/block/" + name));
        Files.writeString(block.resolve("size"), "2048\n");
        link(sys.resolve("block/" + name), block);
    }

    void partition(String disk, int n, long start, long sectors) throws IOException {
        Path p = Files.createDirectories(
                sys.resolve("block/" + disk).toRealPath().resolve(disk + n));
        Files.writeString(p.resolve("start"), start + "\n");
        Files.writeString(p.resolve("size"), sectors + "\n");
    }

    void cpusAndMemory(int cpus, String model, long memKib) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cpus; i++) {
            b.append("processor\t: ")
                    .append(i)
                    .append("\nmodel name\t: ")
                    .append(model)
                    .append("\n\n");
        }
        Files.writeString(proc.resolve("cpuinfo"), b);
        Files.writeString(proc.resolve("meminfo"), "MemTotal:       " + memKib + " kB\nMemFree:        1000 kB\n");
    }

    void dmi(String vendor, String product, String serial) throws IOException {
        Path id = Files.createDirectories(sys.resolve("class/dmi/id"));
        Files.writeString(id.resolve("sys_vendor"), vendor + "\n");
        Files.writeString(id.resolve("product_name"), product + "\n");
        Files.writeString(id.resolve("product_serial"), serial + "\n");
    }

    private Path disk(Path dev, String name, long bytes, boolean rotational) throws IOException {
        Path block = Files.createDirectories(dev.resolve("block/" + name));
        Files.createDirectories(block.resolve("queue"));
        Files.writeString(block.resolve("size"), bytes / 512 + "\n");
        Files.writeString(block.resolve("queue/rotational"), rotational ? "1\n" : "0\n");
        Files.createSymbolicLink(block.resolve("device"), block.relativize(dev));
        link(sys.resolve("block/" + name), block);
        return block;
    }

    private static void link(Path at, Path target) throws IOException {
        Files.createSymbolicLink(at, at.getParent().relativize(target));
    }
}
