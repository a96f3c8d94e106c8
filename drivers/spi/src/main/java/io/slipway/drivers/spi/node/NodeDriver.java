package io.slipway.drivers.spi.node;

import io.vertx.core.Future;

/**
 * A node bootstrapper: commissions servers and deploys their operating system (MAAS, the lab
 * bootstrapper). One driver instance serves every node; the node is named per call by a {@link
 * NodeSpec}, which carries everything the bootstrapper needs, in the driver's own vocabulary.
 *
 * <p>Seed actions map onto methods as: VerifySite → {@link #verifySite}; CreateNetworkTemplate,
 * CreateStorageTemplate, CreateBootMedia → {@link #prepareSite}; IdentifyNode → {@link #identify};
 * PrepareHardwareConfig, ConfigureHardware, InterrogateNode → {@link #commission};
 * ApplyNodeNetworking, ApplyNodeStorage, ApplyNodePlatform → {@link #apply}; DeployNode → {@link
 * #deploy}; DestroyNode → {@link #destroy}.
 *
 * <p><b>Idempotency.</b> Every method may be repeated after a crash or a lost answer: a step that is
 * already done completes successfully without doing it again (a deployed node is not redeployed, a
 * commissioned node returns its stored manifest).
 *
 * <p><b>Threads and time.</b> Methods never block the caller; futures complete on a Vert.x context.
 * Long operations (commissioning, deployment, release) complete when the bootstrapper reports the
 * end state, polling on timers, and fail with {@code TIMEOUT} after their configured bound.
 *
 * <p><b>Failures.</b> Every failure is an {@link io.slipway.drivers.spi.DriverException}: {@code
 * UNREACHABLE}/{@code TIMEOUT} (retriable), {@code AUTH}, {@code REFUSED} (e.g. the bootstrapper put
 * the machine in a failed state; the message says which), {@code UNSUPPORTED}, {@code FAILED}.
 */
public interface NodeDriver {

    /** The driver type, e.g. {@code maas} or {@code lab}. */
    String type();

    /** Checks the bootstrapper is reachable and usable and lists the OS images and kernels it offers. Read-only. */
    Future<SiteReport> verifySite();

    /**
     * Makes site-wide resources match {@code site}: networks (fabrics, VLANs, subnets, address ranges,
     * DHCP and relays), SSH keys and package repositories, boot images. Idempotent.
     */
    Future<Void> prepareSite(SiteSpec site);

    /**
     * Finds the node in the bootstrapper (by BMC address, else boot MAC), enrolling it when it is
     * unknown, and returns its status. Idempotent.
     */
    Future<NodeStatus> identify(NodeSpec node);

    /**
     * Commissions the node (hardware configuration, inventory) and returns its hardware manifest
     * once the bootstrapper reports it ready. A node that is already commissioned is not
     * commissioned again: its stored manifest is returned.
     */
    Future<HardwareManifest> commission(NodeSpec node);

    /** Applies one part of the node's configuration (networking, storage or platform). Idempotent. */
    Future<Void> apply(NodeSpec node, ApplyStep step);

    /**
     * Deploys the operating system and completes when the bootstrapper reports the node deployed.
     * A node already deployed completes at once.
     */
    Future<NodeStatus> deploy(NodeSpec node);

    /**
     * Releases the node back to the ready pool, erasing its disks when {@code eraseDisks}; completes
     * when the bootstrapper reports it ready. A node already ready completes at once.
     */
    Future<NodeStatus> destroy(NodeSpec node, boolean eraseDisks);

    /**
     * What the deployed node was deployed from, or null when the node is not deployed or the
     * bootstrapper does not say. Read-only. The default says nothing.
     */
    default Future<DeployedImage> deployedImage(NodeSpec node) {
        return Future.succeededFuture();
    }

    /** The node's status as the bootstrapper sees it now. Read-only. */
    Future<NodeStatus> status(NodeSpec node);

    /**
     * Hands the node the key it presents when fetching its boot-action files (a bootstrapper tag, a
     * kernel parameter), called before {@link #deploy}. Idempotent. The default does nothing, for
     * bootstrappers that cannot carry it; the key can then be given to the node another way.
     */
    default Future<Void> bootActionKey(NodeSpec node, String keyHex) {
        return Future.succeededFuture();
    }

    /**
     * Like {@link #bootActionKey}, with the ids the node reports its boot actions under ({@code POST
     * /api/v1.0/bootactions/{id}}), keyed by boot action name. The default hands over the key only.
     */
    default Future<Void> bootActions(NodeSpec node, String keyHex, java.util.Map<String, String> actionIds) {
        return bootActionKey(node, keyHex);
    }
}
