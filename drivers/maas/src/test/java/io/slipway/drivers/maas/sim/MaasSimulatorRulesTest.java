package io.slipway.drivers.maas.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.maas.api.Forms;
import io.slipway.drivers.maas.api.MaasApiKey;
import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator answers as MAAS's own code does (sources cited in each sim class), for requests no driver sends. */
class MaasSimulatorRulesTest {
    private final Vertx vertx = Vertx.vertx();
    private MaasSimulator sim;
    private MaasClient admin;
    private MaasClient user;

    @BeforeEach
    void start() {
        sim = join(new MaasSimulator(vertx).start());
        admin = new MaasClient(vertx, sim.url(), MaasApiKey.parse(MaasSimulator.API_KEY), 5000);
        user = new MaasClient(vertx, sim.url(), MaasApiKey.parse(MaasSimulator.USER_KEY), 5000);
    }

    @AfterEach
    void stop() {
        join(vertx.close());
    }

    @Test
    void routesAreMaasUrlPatterns() {
        assertThat(SimRouter.view("nodes/abc/blockdevices/3/partition/5")).isEqualTo("partition_handler");
        assertThat(SimRouter.view("nodes/abc/blockdevices/3/partitions/5")).isEqualTo("partition_handler");
        assertThat(SimRouter.view("nodes/abc/blockdevices/3/partition/5/")).isEqualTo("not_found_handler");
        assertThat(SimRouter.view("nodes/abc/volume-group/7/")).isEqualTo("volume_group_handler");
        assertThat(SimRouter.view("nodes/abc/volume-group/7")).isEqualTo("not_found_handler");
        assertThat(SimRouter.view("fabrics/1/vlans/0/")).isEqualTo("vlan_handler");
        assertThat(SimRouter.view("machines")).isEqualTo("not_found_handler");
        DriverException e = failure(admin.getArray("machines"));
        assertThat(e.completionCode()).hasValue(404);
        assertThat(e.getMessage()).contains("Unknown API endpoint: /MAAS/api/2.0/machines.");
    }

    @Test
    void unknownOpIsUnrecognisedSignature() {
        DriverException e = failure(admin.post("machines/", "nosuch", Forms.of()));
        assertThat(e.completionCode()).hasValue(400);
        assertThat(e.getMessage()).contains("Unrecognised signature: method=POST op=nosuch");
    }

    @Test
    void adminOnlyOperationsAreForbiddenToUsers() {
        for (Future<?> call : java.util.List.of(
                user.get("machines/", "op", "power_parameters"),
                user.post("fabrics/", null, Forms.of("name", "f")),
                user.post("subnets/", null, Forms.of("cidr", "10.9.0.0/24")),
                user.post("domains/", null, Forms.of("name", "d.example")),
                user.post("tags/", null, Forms.of("name", "t")))) {
            DriverException e = failure(call);
            assertThat(e.completionCode()).hasValue(403);
            assertThat(e.getMessage()).contains("This method is reserved for admin users.");
        }
    }

    @Test
    void storageChangesNeedReadyAndReleaseFollowsMaasStates() throws Exception {
        sim.hardware(mac -> SimHardware.onboard());
        String id = sim.enlist("52:54:00:aa:00:01", "10.0.0.1");
        join(admin.post("machines/" + id + "/", "commission", Forms.of()));
        waitFor(() -> sim.status(id).equals("Ready"));
        int disk =
                sim.machine(id).getJsonArray("blockdevice_set").getJsonObject(1).getInteger("id");
        join(admin.post("machines/", "allocate", Forms.of("system_id", id)));
        DriverException e = failure(admin.post(
                "nodes/" + id + "/blockdevices/" + disk + "/partitions/", null, Forms.of("size", "1073741824")));
        assertThat(e.completionCode()).hasValue(409);
        assertThat(e.getMessage()).contains("Cannot create partition because the node is not Ready.");
        sim.force(id, "Broken", "operator marked it broken");
        join(admin.post("machines/" + id + "/", "release", Forms.of()));
        waitFor(() -> sim.status(id).equals("Ready"));
        JsonObject again = (JsonObject) join(admin.post("machines/" + id + "/", "release", Forms.of()));
        assertThat(again.getString("status_name")).isEqualTo("Ready");
        sim.force(id, "Releasing failed", "power off failed");
        assertThat(sim.machine(id).getInteger("status")).isEqualTo(13);
    }

    @Test
    void partitionsAreAlignedAndBoundedLikeMaas() throws Exception {
        sim.hardware(mac -> SimHardware.onboard());
        String id = sim.enlist("52:54:00:aa:00:02", "10.0.0.2");
        join(admin.post("machines/" + id + "/", "commission", Forms.of()));
        waitFor(() -> sim.status(id).equals("Ready"));
        JsonObject sdb = sim.machine(id).getJsonArray("blockdevice_set").getJsonObject(1);
        String path = "nodes/" + id + "/blockdevices/" + sdb.getInteger("id") + "/partitions/";
        JsonObject p = (JsonObject) join(admin.post(path, null, Forms.of("size", "1000000000")));
        assertThat(p.getLong("size")).isEqualTo(238L * 4 * 1024 * 1024);
        long size = sdb.getLong("size");
        // BIOS boot on amd64: 4 MiB + 1 MiB + 1 MiB bios_grub overhead
        long available = (size - p.getLong("size") - 6L * 1024 * 1024) / (4L << 20) * (4L << 20);
        DriverException e = failure(admin.post(path, null, Forms.of("size", String.valueOf(available + (4L << 20)))));
        assertThat(e.getMessage()).contains("Partition cannot be saved; not enough free space on the block device.");
        assertThat(((JsonObject) join(admin.post(path, null, Forms.of("size", String.valueOf(available)))))
                        .getLong("size"))
                .isEqualTo(available);
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DriverException failure(Future<?> f) {
        try {
            f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (DriverException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 5 s");
            }
            Thread.sleep(10);
        }
    }
}
