package io.slipway.api.netboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.testing.PostgresExtension;
import io.slipway.store.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A VM that PXE-boots but never reaches the agent (its network path to the boot listener is cut):
 * commissioning times out, the engine retries it, then quarantines the node
 * with the reason. A short commissioning timeout keeps it to a couple of minutes.
 */
@ExtendWith(PostgresExtension.class)
class NetbootUnreachableIT {

    @Test
    void aVmThatNeverReachesTheAgentIsRetriedThenQuarantinedWithTheReason(TestDatabase db) throws Exception {
        NetbootTools.requireOrSkip();
        try (NetbootScenario site =
                NetbootScenario.start("unreachable", 1, db, new JsonObject().put("commissionTimeoutS", 10), true)) {
            for (String action : List.of("verify_site", "prepare_site", "verify_nodes")) {
                site.task(action, null, site.stepSeconds(60));
            }
            VmNode vm = site.lab.nodes.get(0);
            JsonObject t = site.task("prepare_nodes", null, 300);
            assertThat(t.getJsonObject("result").getString("status")).isNotEqualTo("success");
            assertThat(site.state(vm.name)).as(site.diagnostics()).isEqualTo("quarantined");
            JsonObject node = site.serve.getJson("/api/v1.0/nodes/" + vm.name);
            assertThat(node.encode()).as("the reason").contains("never asked for its boot script");
            long attempts = site.timeline(vm.name).split("commission", -1).length - 1;
            assertThat(attempts)
                    .as("commission attempts in " + site.timeline(vm.name))
                    .isGreaterThan(1);
            assertThat(vm.actions())
                    .as("the BMC powered the VM on for PXE")
                    .anyMatch(a -> a.endsWith("start boot=pxe"));
            // iPXE got its script from slirp's TFTP but the chain to the listener failed
            assertThat(vm.console()).contains("boot.ipxe").doesNotContain("slipway-agent:");
        }
    }
}
