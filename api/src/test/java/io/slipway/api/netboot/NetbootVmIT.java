package io.slipway.api.netboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.testing.PostgresExtension;
import io.slipway.store.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The proof that Slipway installs an operating system: two qemu VMs behind OpenIPMI {@code ipmi_sim}
 * BMCs, driven by {@code slipway serve} with its real {@code ipmi} OOB driver and the {@code netboot}
 * node driver (no lab BMC, bootstrapper or switch anywhere), go from enrolled to {@code deployed}
 * over PXE, the node agent and the disk it wrote, then back to {@code available}. The faults share the
 * same VMs and server: a server killed mid-deploy, and an image whose bytes no longer match its hash
 * (the node is held until the operator restores the image and releases it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(PostgresExtension.class)
class NetbootVmIT {
    static final int VMS = 2;
    static NetbootScenario site;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        NetbootTools.requireOrSkip();
        site = NetbootScenario.start("vm-it", VMS, db);
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(1)
    void twoVmsAreDeployedOverRealIpmiAndNetbootThenDestroyed() throws Exception {
        site.assertNoSimulatorInTheServer();
        for (String action : List.of("verify_site", "prepare_site", "verify_nodes", "prepare_nodes")) {
            site.task(action, null, site.stepSeconds(60));
        }
        JsonObject deploy = site.task("deploy_nodes", null, site.stepSeconds(240));
        assertThat(deploy.getJsonObject("result").getString("status"))
                .as(site.explainTask(deploy))
                .isEqualTo("success");
        for (int i = 0; i < VMS; i++) {
            VmNode vm = site.lab.nodes.get(i);
            String address = VmSiteDesign.address(i + 1);
            assertThat(site.state(vm.name)).as(site.diagnostics()).isEqualTo("deployed");
            // the installed OS booted from the disk the agent wrote and applied its NoCloud seed (the node is
            // deployed once booted is posted; the script's last line follows)
            site.awaitConsole(vm, 0, "user-data script exit", 30);
            assertThat(vm.console())
                    .contains(
                            "Booting from Hard Disk",
                            "slipway-testos: seed on /dev/vda2",
                            "slipway-testos: eth0 (" + vm.mac + ", pxe): " + address + "/24",
                            "user-data script exit 0");
            assertThat(site.booted(vm.name)).as("booted call of " + vm.name).contains(address + "/24");
            assertThat(site.bootActionStatuses(vm.name))
                    .as("boot action report of " + vm.name)
                    .containsExactly("hello=success");
            site.assertBuildData(vm);
            JsonObject node = site.serve.getJson("/api/v1.0/nodes/" + vm.name);
            assertThat(node.encode()).contains(VmSiteDesign.IMAGE, site.artefacts.imageSha256());
            // the BMC saw Slipway's IPMI requests: PXE for the agent, then the disk
            assertThat(String.join("\n", vm.actions()))
                    .contains("set boot pxe", "start boot=pxe", "start boot=default");
        }
        JsonObject destroy = site.task("destroy_nodes", null, site.stepSeconds(120));
        assertThat(destroy.getJsonObject("result").getString("status"))
                .as(site.explainTask(destroy))
                .isEqualTo("success");
        for (VmNode vm : site.lab.nodes) {
            assertThat(site.state(vm.name)).as(site.diagnostics()).isEqualTo("available");
            assertThat(vm.console()).contains("slipway-agent: erase success");
        }
    }

    @Test
    @Order(2)
    void aServerKilledMidDeployRestartsAndTheDeployCompletes() throws Exception {
        VmNode vm = site.lab.nodes.get(0);
        assertThat(site.state(vm.name)).isEqualTo("available");
        int from = vm.console().length();
        String task = site.startTask("deploy_nodes", List.of(vm.name));
        // kill the server while the agent writes the image: the agent retries, the job and token survive
        site.awaitConsole(vm, from, "slipway-agent: write-image running", site.stepSeconds(180));
        site.serve.kill();
        Thread.sleep(3000);
        site.serve.start();
        JsonObject done = site.awaitTask(task, site.stepSeconds(240));
        assertThat(done.getJsonObject("result").getString("status"))
                .as(site.explainTask(done))
                .isEqualTo("success");
        assertThat(site.state(vm.name)).isEqualTo("deployed");
        site.awaitConsole(vm, from, "user-data script exit 0", 30);
        assertThat(vm.console().substring(from)).contains("slipway-agent: seed success", "Booting from Hard Disk");
        assertThat(java.nio.file.Files.readString(site.dir.resolve("serve.log")))
                .as("the restarted server leads")
                .contains("leading with fencing epoch 2");
    }

    @Test
    @Order(3)
    void anImageWhoseBytesNoLongerMatchItsHashHoldsTheNodeUntilReleased() throws Exception {
        VmNode vm = site.lab.nodes.get(1);
        assertThat(site.state(vm.name)).isEqualTo("available");
        int from = vm.console().length();
        // bit rot: the file changes in place, same size and modification time, so the registry still
        // publishes the registered sha256 and only the agent's hash of the bytes as served can notice
        site.corruptImage();
        try {
            JsonObject t = site.task("deploy_nodes", List.of(vm.name), site.stepSeconds(240));
            assertThat(t.getJsonObject("result").getString("status")).isNotEqualTo("success");
            // writing the same bytes again cannot help: the node is held at once, saying why and what to do
            JsonObject held = site.serve.getJson("/api/v1.0/nodes/" + vm.name + "/explain");
            assertThat(held.getString("state")).as(site.diagnostics()).isEqualTo("quarantined");
            assertThat(held.getString("reason"))
                    .contains("expected " + site.artefacts.imageSha256() + " got ")
                    .contains("then release the node");
            assertThat(vm.console().substring(from)).containsOnlyOnce("slipway-agent: verify failed");
        } finally {
            site.restoreImage();
        }
        HttpResponse<String> released = site.serve.send(
                "POST",
                "/api/v1.0/nodes/" + vm.name + "/release",
                "application/json",
                "{\"reason\":\"image restored\"}");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        JsonObject again = site.task("deploy_nodes", List.of(vm.name), site.stepSeconds(240));
        assertThat(again.getJsonObject("result").getString("status"))
                .as(site.explainTask(again))
                .isEqualTo("success");
        assertThat(site.state(vm.name)).as(site.diagnostics()).isEqualTo("deployed");
    }
}
