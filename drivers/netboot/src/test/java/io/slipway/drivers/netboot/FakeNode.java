package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.node.NodeSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A machine for tests, speaking the netboot wire contract over real HTTP from its own thread: its
 * "firmware" asks for the per-MAC iPXE script, its "agent" polls jobs with the token from the kernel
 * command line and does them (the image is downloaded and hashed as served), and its "installed OS"
 * calls {@code booted} with the token from the seed's user-data. It counts what it did.
 */
public final class FakeNode {
    private static final Pattern TOKEN = Pattern.compile("slipway\\.token=(\\S+)");
    private static final Pattern SEED_TOKEN = Pattern.compile("TOKEN='([^']+)'");
    public final NodeSpec spec;
    final String base;
    public final AtomicInteger inspections = new AtomicInteger();
    public final AtomicInteger deploys = new AtomicInteger();
    public final AtomicInteger erases = new AtomicInteger();
    public final AtomicInteger unauthorized = new AtomicInteger();
    volatile String failNextDeploy;
    volatile String corruptNextImage;
    public volatile String userData;
    public volatile String networkConfig;
    volatile String lastToken;
    /** The inventory the agent reports; null = two NICs named after the sample spec's slaves and two disks. */
    private final JsonObject inventory;
    /** The machine boots its disk by itself once the image is installed (for runs with simulated BMCs). */
    private final boolean bootsDiskItself;
    /** Boots again (PXE) whenever its firmware finds no agent job: a machine left powered on in a PXE loop. */
    private volatile boolean pxeLoop;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile Thread running;

    public FakeNode(NodeSpec spec, String base) {
        this(spec, base, null, false);
    }

    public FakeNode(NodeSpec spec, String base, JsonObject inventory, boolean bootsDiskItself) {
        this.spec = spec;
        this.base = base;
        this.inventory = inventory;
        this.bootsDiskItself = bootsDiskItself;
    }

    /** Keeps PXE-booting (whenever the agent is not running) until {@link #stop}. */
    public void powerOnInPxeLoop() {
        pxeLoop = true;
        boot();
    }

    /** Power on with PXE first: fetch the boot script until it loads the agent, then run the agent. */
    public synchronized void boot() {
        if (running != null && running.isAlive()) {
            return;
        }
        running = new Thread(this::firmware, "fake-node-" + spec.name());
        running.setDaemon(true);
        running.start();
    }

    public void stop() {
        pxeLoop = false;
        Thread t = running;
        if (t != null) {
            t.interrupt();
        }
    }

    /** The installed OS's first boot: {@code booted} with the token its seed carries. */
    public int bootInstalledOs() throws Exception {
        Matcher m = SEED_TOKEN.matcher(userData);
        if (!m.find()) {
            throw new IllegalStateException("the seed's user-data has no token");
        }
        JsonObject body = new JsonObject()
                .put("hostname", spec.name())
                .put("addresses", new JsonArray().add("172.16.0.11/24"))
                .put("boot_actions", new JsonObject().put("reported", 0));
        for (int attempt = 1; ; attempt++) {
            try {
                return post("/agent/v1/booted", m.group(1), body).statusCode();
            } catch (java.io.IOException e) {
                if (attempt >= 50) {
                    throw e; // the first-boot script retries too
                }
                Thread.sleep(100);
            }
        }
    }

    private void firmware() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                String script = get("/boot/ipxe/" + spec.bootMac().replace(':', '-'), null)
                        .body();
                Matcher m = TOKEN.matcher(script);
                if (m.find()) {
                    lastToken = m.group(1);
                    agent(m.group(1));
                    if (!pxeLoop) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void agent(String token) throws Exception {
        while (!Thread.currentThread().isInterrupted()) {
            HttpResponse<String> r;
            try {
                r = get("/agent/v1/job?wait=2", token);
            } catch (java.io.IOException e) {
                Thread.sleep(100); // the server is restarting: retry, as the agent does
                continue;
            }
            if (r.statusCode() >= 500) {
                Thread.sleep(100);
                continue;
            }
            if (r.statusCode() == 401) {
                unauthorized.incrementAndGet();
                return;
            }
            JsonObject job = new JsonObject(r.body());
            switch (job.getString("job")) {
                case "inspect" -> inspect(token, job.getString("id"));
                case "deploy" -> {
                    if (deploy(token, job)) {
                        return; // rebooting into the installed OS
                    }
                }
                case "erase" -> {
                    erases.incrementAndGet();
                    status(token, job.getString("id"), "erase", "success", "wiped vda");
                }
                default -> {}
            }
        }
    }

    private void inspect(String token, String id) throws Exception {
        JsonObject inv = inventory != null
                ? inventory
                : new JsonObject()
                        .put(
                                "nics",
                                new JsonArray()
                                        .add(nic("eno1", spec.bootMac(), "0000:00:03.0"))
                                        .add(nic("eno2", spec.bootMac().substring(0, 15) + "ff", "0000:00:05.0")))
                        .put(
                                "disks",
                                new JsonArray()
                                        .add(new JsonObject()
                                                .put("name", "sda")
                                                .put("size_bytes", 2147483648L)
                                                .put("model", "QEMU HARDDISK")
                                                .put("serial", "")
                                                .put("by_path", "pci-0000:00:04.0-scsi-0:0:0:0")
                                                .put("pci", "0000:00:04.0")
                                                .put("scsi", "0:0:0:0")
                                                .put("rotational", true))
                                        .add(new JsonObject()
                                                .put("name", "sdb")
                                                .put("size_bytes", 1073741824L)
                                                .put("pci", "0000:00:04.0")
                                                .put("scsi", "0:0:1:0")))
                        .put("cpu", new JsonObject().put("count", 1).put("model", "QEMU Virtual CPU"))
                        .put("memory_kib", 250000)
                        .put(
                                "dmi",
                                new JsonObject()
                                        .put("vendor", "QEMU")
                                        .put("product", "Standard PC")
                                        .put("serial", ""));
        check(post("/agent/v1/inventory", token, inv), "inventory");
        inspections.incrementAndGet();
        status(token, id, "inventory", "success", "");
    }

    private static JsonObject nic(String name, String mac, String pci) {
        return new JsonObject()
                .put("name", name)
                .put("mac", mac)
                .put("pci", pci)
                .put("driver", "virtio_net")
                .put("link", true)
                .put("speed_mbps", -1);
    }

    /** True when the image is installed (the node then boots its disk). */
    private boolean deploy(String token, JsonObject job) throws Exception {
        String id = job.getString("id");
        if (failNextDeploy != null) {
            String why = failNextDeploy;
            failNextDeploy = null;
            status(token, id, "write-image", "failed", why);
            return false;
        }
        JsonObject image = job.getJsonObject("image");
        HttpResponse<byte[]> img = http.send(
                HttpRequest.newBuilder(URI.create(image.getString("url"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String got = corruptNextImage != null ? corruptNextImage : Tokens.sha256Hex(img.body());
        corruptNextImage = null;
        if (!got.equals(image.getString("sha256"))) {
            status(token, id, "verify", "failed", "expected " + image.getString("sha256") + " got " + got);
            return false;
        }
        status(token, id, "write-image", "success", img.body().length + " bytes");
        userData = job.getJsonObject("seed").getString("user-data");
        networkConfig = job.getJsonObject("seed").getString("network-config");
        status(token, id, "seed", "success", "");
        // counted before the server hears of it: the driver may report the deploy done as soon as it does
        deploys.incrementAndGet();
        check(
                post(
                        "/agent/v1/installed",
                        token,
                        new JsonObject().put("job_id", id).put("sha256", got)),
                "installed");
        if (bootsDiskItself) {
            Thread.sleep(300);
            int status = bootInstalledOs();
            if (status != 204) {
                throw new IllegalStateException("booted answered " + status);
            }
        }
        return true;
    }

    private void status(String token, String id, String step, String status, String output) throws Exception {
        check(
                post(
                        "/agent/v1/status",
                        token,
                        new JsonObject()
                                .put("job_id", id)
                                .put("step", step)
                                .put("status", status)
                                .put("output", output)),
                "status");
    }

    private static void check(HttpResponse<String> r, String what) {
        if (r.statusCode() != 204) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, JsonObject body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
