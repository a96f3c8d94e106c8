package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;
import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reconcile tick notices a deployed node that was switched off and powers it on, unless paused. */
@ExtendWith(PostgresExtension.class)
class DriftIT {

    @Test
    void aDeployedNodeFoundOffIsPoweredOnUnlessPaused(StoreHandle store) throws Exception {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.instant())) {
            long rev = h.saveLabSite();
            h.start(EngineHarness.fastConfig());
            assertThat(h.run(Actions.DEPLOY_NODES, rev, NodeFilterJson.names(List.of("cmp06", "cmp07")))
                            .result()
                            .status())
                    .isEqualTo("success");
            OobTarget cmp06 = OobTarget.of("10.20.0.16", 0, Credentials.of("admin", "lab-secret"));
            OobTarget cmp07 = OobTarget.of("10.20.0.17", 0, Credentials.of("admin", "lab-secret"));
            result(h.engine.pause("cmp07", true));
            result(h.bmcs.setPower(cmp06, PowerAction.OFF));
            result(h.bmcs.setPower(cmp07, PowerAction.OFF));

            assertThat(result(h.engine.reconcile())).isEqualTo(1); // cmp07 is paused, so not observed
            long deadline = System.currentTimeMillis() + 10_000;
            while (result(h.bmcs.powerState(cmp06)) != PowerState.ON && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(result(h.bmcs.powerState(cmp06))).isEqualTo(PowerState.ON);
            assertThat(result(h.bmcs.powerState(cmp07))).isEqualTo(PowerState.OFF);
            assertThat(result(store.nodes().timeline("cmp06", 0, 100)))
                    .anySatisfy(e -> assertThat(e.detail()).contains("power_on"));
        }
    }
}
