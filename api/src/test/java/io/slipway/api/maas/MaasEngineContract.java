package io.slipway.api.maas;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.maas.sim.MaasSimulator;
import io.slipway.drivers.maas.sim.SimHardware;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.engine.orchestrator.Actions;
import io.slipway.store.NodeState;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.testing.PostgresExtension;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code site-examples/lab-site.yaml} (device aliases, bonds with options, tagged VLANs, LVM, {@code >} partitions,
 * a boot action, owner_data) taken by the real engine through every task to {@code deployed} and back to {@code
 * available}, with the {@code maas} driver against the MAAS simulator (MAAS's rules; see {@link MaasSimulator}), once
 * as MAAS 3.2+ ({@link MaasEngineIT}) and once as MAAS 3.1- ({@link MaasTwistedEngineIT}), each on a database of its
 * own. After deploy_nodes, what MAAS holds is checked against the engine's node specs ({@link MaasHoldings}). The node
 * specs are the engine's own: the test compiles the design only to tell the simulated BMCs their credentials.
 * MAAS is simulated here, and so are the BMCs the engine powers through the {@code lab} OOB driver.
 */
@ExtendWith(PostgresExtension.class)
abstract class MaasEngineContract {
    private static final List<String> TO_DEPLOYED = List.of(
            Actions.VALIDATE_DESIGN,
            Actions.VERIFY_SITE,
            Actions.PREPARE_SITE,
            Actions.VERIFY_NODES,
            Actions.PREPARE_NODES,
            Actions.DEPLOY_NODES);

    /** HPE Gen10 machines (the design's PCI and SCSI addresses) whose kernel names vary with the boot MAC. */
    private static final Function<String, SimHardware> HARDWARE =
            mac -> SimHardware.gen10(Integer.parseInt(mac.substring(mac.length() - 2), 16));

    /** MAAS &lt;= 3.1: regiond serves the API itself and reads only bodies with a Content-Length. */
    abstract boolean twistedFront();

    @Test
    void labSiteGoesToDeployedAndBackThroughTheEngine(StoreHandle store) throws Exception {
        try (MaasEngine h = new MaasEngine(store, "lab-site.yaml", twistedFront())) {
            h.sim.hardware(HARDWARE);
            h.sim.bootSubnet("10.21.0.0/24", "pxe-discovered");
            h.site.nodeSpecs()
                    .values()
                    .forEach(n -> h.sim.bmc(
                            n.oobAddress(),
                            n.oobParameters().get("account"),
                            n.oobParameters().get("credential")));
            for (String action : TO_DEPLOYED) {
                succeeds(h, action);
            }
            assertThat(states(store))
                    .hasSize(12)
                    .allSatisfy((n, s) -> assertThat(s).as(n).isEqualTo("deployed"));
            assertThat(refusals(h)).as("requests MAAS refused").isEmpty();
            MaasHoldings holdings = new MaasHoldings(h.sim, store, HARDWARE);
            holdings.checkSite(List.copyOf(h.site.nodeSpecs().values()));
            for (NodeSpec node : h.site.nodeSpecs().values()) {
                holdings.checkDeployed(node);
            }
            // a repeated deploy_nodes finds every node deployed: MAAS is asked nothing that changes it
            h.sim.clearRequests();
            succeeds(h, Actions.DEPLOY_NODES);
            assertThat(h.sim.requests().stream().filter(r -> !r.method().equals("GET")))
                    .as("requests that change MAAS on a repeated deploy_nodes")
                    .isEmpty();

            succeeds(h, Actions.DESTROY_NODES);
            assertThat(states(store))
                    .hasSize(12)
                    .allSatisfy((n, s) -> assertThat(s).as(n).isEqualTo("available"));
            assertThat(refusals(h)).as("requests MAAS refused").isEmpty();
            for (NodeSpec node : h.site.nodeSpecs().values()) {
                holdings.checkReleased(node);
            }
        }
    }

    private static void succeeds(MaasEngine h, String action) {
        Task t = h.run(action);
        assertThat(t.result().status())
                .as(() -> action + ": " + t.result() + "\nnode errors: " + errors(h.store) + "\nMAAS refused: "
                        + h.sim.refusals())
                .isEqualTo("success");
    }

    /**
     * What MAAS refused, but for one expected answer: nodes applied concurrently each find a shared design tag
     * ({@code compute}) missing and create it; MAAS refuses all creations but the first (400 "Tag with this Name
     * already exists.") and the driver takes the tag as created. Any other refusal fails the test.
     */
    private static List<MaasSimulator.Answer> refusals(MaasEngine h) {
        return h.sim.refusals().stream()
                .filter(a -> !(a.request().method().equals("POST")
                        && a.request().path().equals("tags/")
                        && a.status() == 400
                        && a.body().contains("Tag with this Name already exists.")))
                .toList();
    }

    private static Map<String, String> errors(StoreHandle store) {
        return result(store.nodes().list()).stream()
                .filter(n -> n.lastError() != null)
                .collect(Collectors.toMap(NodeState::nodeName, NodeState::lastError, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> states(StoreHandle store) {
        return result(store.nodes().list()).stream()
                .collect(Collectors.toMap(NodeState::nodeName, NodeState::lifecycleState, (a, b) -> a, TreeMap::new));
    }
}
