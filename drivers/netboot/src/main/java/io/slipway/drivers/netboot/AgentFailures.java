package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.NodeSpec;
import io.vertx.core.json.JsonObject;

/** How a job the agent reported failed becomes a driver failure the engine acts on. */
final class AgentFailures {
    /** The agent step that compares the written image with its registered sha256. */
    static final String VERIFY_STEP = "verify";

    private AgentFailures() {}

    /**
     * The failure of {@code what} (inspection, deployment, first boot, erase) from the job's stored
     * outcome. Retriable, except where the same attempt must fail again: an image whose served bytes do
     * not match its registered sha256, or match it and do not decompress. Then the engine holds the node at once (quarantine) instead of
     * writing the same bytes until its retry budget is spent; the message says the way out.
     */
    static DriverException refused(String what, NodeSpec node, JsonObject result) {
        boolean badImage = VERIFY_STEP.equals(result.getString(JobControl.FAILED_STEP));
        return new DriverException(
                DriverException.Kind.REFUSED,
                !badImage,
                what + " of " + node.name() + " failed: " + result.getString("error")
                        + (badImage
                                ? " (the image as served cannot be installed: restore or re-register it, then"
                                        + " release the node)"
                                : ""));
    }
}
