package io.slipway.api.netboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.DatabaseEndpoint;
import io.slipway.store.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One VM site: the artefacts, N {@link VmNode}s, their design, and {@code slipway serve} running the
 * real {@code ipmi} driver and {@code netboot} with its boot listener on the port the VMs' guestfwd
 * reaches. Kept under {@code target/netboot/} so logs and consoles can be read after a failure.
 */
final class NetbootScenario implements AutoCloseable {
    final NetbootArtefacts artefacts;
    final VmLab lab;
    final ServeProcess serve;
    final Path dir;
    final Path images;
    String designRef;
    private TestDatabase db;

    private NetbootScenario(NetbootArtefacts artefacts, VmLab lab, ServeProcess serve, Path dir, Path images) {
        this.artefacts = artefacts;
        this.lab = lab;
        this.serve = serve;
        this.dir = dir;
        this.images = images;
    }

    static NetbootScenario start(String name, int vms, TestDatabase db) throws Exception {
        return start(name, vms, db, new JsonObject(), false);
    }

    /**
     * As above, with netboot settings overridden; {@code cutOff} points the VMs' guestfwd at a port
     * nothing listens on, so they PXE-boot but never reach the boot listener.
     */
    static NetbootScenario start(String name, int vms, TestDatabase db, JsonObject overrides, boolean cutOff)
            throws Exception {
        return start(name, vms, db, overrides, cutOff, false);
    }

    /** As above; {@code rawImage} registers the test OS as a raw image instead of the gzip one. */
    static NetbootScenario start(
            String name, int vms, TestDatabase db, JsonObject overrides, boolean cutOff, boolean rawImage)
            throws Exception {
        Path repo = AgentShellTest.repo();
        NetbootArtefacts built = NetbootArtefacts.build(repo);
        NetbootArtefacts a = rawImage ? built.raw() : built;
        Path dir = Files.createDirectories(Path.of("target", "netboot", name + "-" + System.currentTimeMillis())
                .toAbsolutePath());
        Path artefactsDir = Files.createDirectories(dir.resolve("artefacts"));
        Files.copy(a.vmlinuz(), artefactsDir.resolve("vmlinuz"));
        Files.copy(a.initrd(), artefactsDir.resolve("initrd.gz"));
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.copy(a.image(), images.resolve(a.image().getFileName()));
        Files.writeString(
                images.resolve("images.json"),
                new JsonObject()
                        .put(
                                "images",
                                new JsonArray()
                                        .add(new JsonObject()
                                                .put("name", VmSiteDesign.IMAGE)
                                                .put(
                                                        "file",
                                                        a.image().getFileName().toString())
                                                .put("sha256", a.imageSha256())
                                                .put("format", a.format())
                                                .put("size", Files.size(a.image()))))
                        .encodePrettily());
        int bootPort = VmLab.freeTcpPort();
        VmLab lab = VmLab.start(dir.resolve("vms"), vms, cutOff ? VmLab.freeTcpPort() : bootPort, 192);
        int per = (vms + 1) / 2;
        JsonObject netboot = new JsonObject()
                .put("bind", "127.0.0.1")
                .put("port", bootPort)
                .put("baseUrl", "http://198.51.100.100")
                .put("artefactsDir", artefactsDir.toString())
                .put("imagesDir", images.toString())
                .put("commissionTimeoutS", 150 * per)
                .put("deployTimeoutS", 150 * per)
                .put("bootedTimeoutS", 150 * per)
                .put("eraseTimeoutS", 120 * per)
                .mergeIn(overrides);
        DatabaseEndpoint pg = db.endpoint();
        String dbUrl = "postgresql://" + pg.user() + (pg.password() == null ? "" : ":" + pg.password()) + "@"
                + pg.host() + ":" + pg.port() + "/" + pg.database();
        ServeProcess serve = new ServeProcess(
                dir,
                VmLab.freeTcpPort(),
                dbUrl,
                List.of("--node-driver", "netboot", "--node-driver-config", netboot.encode()));
        NetbootScenario s = new NetbootScenario(a, lab, serve, dir, images);
        s.db = db;
        try {
            serve.start();
            s.upload();
            return s;
        } catch (Exception | Error failure) {
            s.close();
            throw failure;
        }
    }

    /** A step timeout scaled with the VMs sharing the 2 cores: base x ceil(N/2). */
    int stepSeconds(int base) {
        return base * ((lab.nodes.size() + 1) / 2);
    }

    private void upload() throws Exception {
        HttpResponse<String> r = serve.send(
                "POST", "/api/v1.0/designs?name=vm-site.yaml", "application/yaml", VmSiteDesign.render(lab.nodes));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        designRef = new JsonObject(r.body()).getString("design_ref");
    }

    /** Creates a task (all nodes, or those named) and waits until it is complete; returns its JSON. */
    JsonObject task(String action, List<String> nodes, int timeoutSeconds) throws Exception {
        return awaitTask(startTask(action, nodes), timeoutSeconds);
    }

    /** Creates a task (all nodes, or those named); returns its id. */
    String startTask(String action, List<String> nodes) throws Exception {
        JsonObject body = new JsonObject().put("action", action).put("design_ref", designRef);
        if (nodes != null) {
            body.put(
                    "node_filter",
                    new JsonObject()
                            .put("filter_set_type", "union")
                            .put(
                                    "filter_set",
                                    new JsonArray()
                                            .add(new JsonObject()
                                                    .put("filter_type", "union")
                                                    .put("node_names", new JsonArray(nodes)))));
        }
        HttpResponse<String> r = serve.send("POST", "/api/v1.0/tasks", "application/json", body.encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new JsonObject(r.body()).getString("task_id");
    }

    /** Waits until the task is complete (riding out a server restart); returns its JSON. */
    JsonObject awaitTask(String id, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                JsonObject t = serve.getJson("/api/v1.0/tasks/" + id);
                if ("complete".equals(t.getString("status"))) {
                    return t;
                }
            } catch (java.io.IOException notNow) {
                // the server is restarting
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("task " + id + " did not complete within " + timeoutSeconds + " s" + diagnostics());
    }

    /** The boot actions' status rows of the node in Slipway's database, "name=status". */
    List<String> bootActionStatuses(String node) {
        return io.slipway.store.testing.Await.result(db.store().bootActions().actions(node)).stream()
                .map(a -> a.actionName() + "=" + a.status())
                .toList();
    }

    /** Waits until the VM's console shows {@code text} after its first {@code from} characters. */
    void awaitConsole(VmNode vm, int from, String text, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (vm.console().indexOf(text, from) >= 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                vm.name + " never showed '" + text + "' within " + timeoutSeconds + " s" + diagnostics());
    }

    /** Flips bytes in the middle of the registered image, keeping its size and modification time. */
    void corruptImage() throws Exception {
        Path f = images.resolve(artefacts.image().getFileName());
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(f);
        Files.copy(f, dir.resolve("testos.img.gz.good"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (java.io.RandomAccessFile r = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            r.seek(r.length() / 2);
            r.write(new byte[] {0x13, 0x37, 0x13, 0x37});
        }
        Files.setLastModifiedTime(f, mtime);
    }

    void restoreImage() throws Exception {
        Path f = images.resolve(artefacts.image().getFileName());
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(f);
        Files.copy(dir.resolve("testos.img.gz.good"), f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(f, mtime);
    }

    String state(String node) throws Exception {
        return serve.getJson("/api/v1.0/nodes/" + node).getString("state");
    }

    String timeline(String node) throws Exception {
        return serve.send("GET", "/api/v1.0/nodes/" + node + "/timeline", null, null)
                .body();
    }

    /** What the server recorded of the node's first boot: its node record and timeline. */
    String booted(String node) throws Exception {
        return serve.getJson("/api/v1.0/nodes/" + node).encode() + "\n" + timeline(node);
    }

    /** The hardware manifest shows the VM's real MAC, PCI address, disk size, and aliases resolve to its devices. */
    void assertBuildData(VmNode vm) throws Exception {
        String body = serve.send("GET", "/api/v1.0/nodes/" + vm.name + "/builddata", null, null)
                .body();
        JsonObject manifest = null;
        for (Object o : new JsonArray(body)) {
            JsonObject item = (JsonObject) o;
            String data = item.getString("data_element");
            if (data != null && data.contains("device_aliases")) {
                manifest = new JsonObject(data);
            }
        }
        assertThat(manifest).as("a hardware manifest in " + body).isNotNull();
        JsonObject nic = manifest.getJsonArray("nics").getJsonObject(0);
        assertThat(nic.getString("mac")).isEqualTo(vm.mac);
        assertThat(nic.getString("pci")).isEqualTo("0000:00:03.0");
        assertThat(nic.getString("driver")).isEqualTo("virtio_net");
        JsonObject disk = manifest.getJsonArray("disks").getJsonObject(0);
        assertThat(disk.getLong("size_bytes")).isEqualTo(VmNode.DISK_BYTES);
        JsonObject resolved = manifest.getJsonObject("device_aliases").getJsonObject("resolved");
        assertThat(resolved.getString("pxe_nic")).isEqualTo(nic.getString("name"));
        assertThat(resolved.getString("rootdisk")).isEqualTo("vda");
    }

    /** The server runs the real drivers: its log names ipmi and netboot, and no simulator. */
    void assertNoSimulatorInTheServer() throws Exception {
        String log = Files.readString(dir.resolve("serve.log"));
        assertThat(log).doesNotContainIgnoringCase("simulated").doesNotContainIgnoringCase("lab bmc");
        assertThat(log).containsIgnoringCase("netboot");
    }

    String diagnostics() {
        StringBuilder b = new StringBuilder();
        for (VmNode n : lab.nodes) {
            try {
                b.append("\n===== ")
                        .append(n.name)
                        .append(" explain: ")
                        .append(serve.send("GET", "/api/v1.0/nodes/" + n.name + "/explain", null, null)
                                .body())
                        .append("\n----- timeline: ")
                        .append(timeline(n.name));
            } catch (Exception e) {
                b.append("\n").append(n.name).append(": ").append(e);
            }
        }
        return b.append("\n===== serve.log (tail)\n")
                .append(serve.logTail())
                .append(lab.diagnostics())
                .toString();
    }

    /** The task's result and its subtasks' errors, for failure messages. */
    String explainTask(JsonObject task) {
        try {
            return serve.send(
                                    "GET",
                                    "/api/v1.0/tasks/" + task.getString("task_id") + "?subtaskerrors=true&layers=-1",
                                    null,
                                    null)
                            .body()
                    + diagnostics();
        } catch (Exception e) {
            return task.encode() + diagnostics();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            serve.close();
        } finally {
            lab.close();
        }
    }

    static List<String> names(List<VmNode> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.name));
        return out;
    }
}
