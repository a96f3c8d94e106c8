package io.slipway.engine.dispatch;

import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.node.AgentBootstrapper;
import io.slipway.drivers.spi.node.HardwareManifest;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.engine.site.PortPlans;
import io.slipway.engine.site.SiteModel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * One step about to run for one node: the node's place in its design revision and the drivers and
 * sinks a handler may use, with the helpers several handlers share. Immutable; made per run.
 */
public record StepCall(
        SiteModel site,
        String node,
        NodeSpec spec,
        OobTarget target,
        DriverSet drivers,
        StepRunner.BuildDataSink buildData,
        StepRunner.BootActionIssuer bootActions) {

    /** The OOB driver of the node's {@code oob.type}. */
    public OobDriver oob() {
        return drivers.oob(spec.oobType());
    }

    /** Sets the next boot device (once or persistent, keeping the boot mode) and power-cycles. */
    public Future<String> bootFrom(BootOptions boot) {
        return oob().setBootDevice(target, boot)
                .compose(v -> oob().setPower(target, PowerAction.CYCLE))
                .map(String::valueOf);
    }

    /** Next boot PXE, once. */
    public static BootOptions pxeOnce() {
        return BootOptions.onceKeepingMode(BootDevice.PXE);
    }

    /** The node driver's agent side; fails {@code UNSUPPORTED} for a driver that runs no agent. */
    public AgentBootstrapper agent() {
        if (drivers.node() instanceof AgentBootstrapper a) {
            return a;
        }
        throw DriverException.unsupported("the node driver " + drivers.node().type() + " runs no agent of its own");
    }

    /** The node's switch-port plans; fails {@code UNSUPPORTED} when the design cables none. */
    public Future<PortPlans> port() {
        PortPlans plan = site.ports().get(node);
        return plan == null
                ? Future.failedFuture(DriverException.unsupported(node + " has no switch port in the design"))
                : Future.succeededFuture(plan);
    }

    /** Keeps what the node was deployed from as build data ({@code deployment}), when the driver says. */
    public Future<Void> recordDeployment() {
        return drivers.node().deployedImage(spec).compose(d -> {
            if (d == null) {
                return Future.<Void>succeededFuture();
            }
            String json = new JsonObject()
                    .put("image", d.image())
                    .put("sha256", d.sha256())
                    .put("design_revision", d.designRevision())
                    .encode();
            Map<String, String> summary = Map.of(
                    "image",
                    d.image(),
                    "sha256",
                    String.valueOf(d.sha256()),
                    "design_revision",
                    Long.toString(d.designRevision()));
            return buildData.record(node, new HardwareManifest("deployment", "json", json, summary));
        });
    }
}
