package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Forms;
import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.HardwareManifest;
import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeStatus;
import io.slipway.drivers.spi.node.SiteReport;
import io.slipway.drivers.spi.node.SiteSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The {@code maas} node driver: drives Canonical MAAS through its REST API 2.0.
 *
 * <p>Every method reads the machine's MAAS status first and only sends what is not done yet, so
 * all of them may be repeated (the {@link NodeDriver} contract). Long operations poll on Vert.x
 * timers and are bounded by {@code commissionTimeoutMs}, {@code deployTimeoutMs} and {@code
 * releaseTimeoutMs}; each HTTP exchange by {@code requestTimeoutMs}. Failures: 401/403 → {@code
 * AUTH}; refused connections → {@code UNREACHABLE}; other 4xx → {@code REFUSED} with MAAS's message
 * and the HTTP status as completion code; 5xx → {@code FAILED} (retriable); a machine MAAS marks
 * failed → {@code REFUSED} with MAAS's status message. Thread-safe; one instance serves all nodes. Needs an
 * administrator's API key (power parameters, machines, fabrics, subnets, domains, routes and repositories
 * are admin-only in MAAS).
 */
public final class MaasNodeDriver implements NodeDriver {
    public static final String TYPE = "maas";
    private final MaasClient client;
    private final MachineLocator locator;
    private final Lifecycle lifecycle;
    private final Catalog catalog;
    private final SiteNetworks siteNetworks;
    private final SshKeys sshKeys;
    private final Manifests manifests;
    private final NetworkApplier networking;
    private final StorageApplier storage;
    private final PlatformApplier platform;
    private final SiteServices siteServices;
    private final BootActionKeys bootActions;

    MaasNodeDriver(Vertx vertx, MaasConfig config) {
        this.client = new MaasClient(
                vertx, config.url(), config.apiKey(), config.requestTimeout().toMillis(), config.caFile());
        this.bootActions = new BootActionKeys(config.bootActionUrl());
        this.locator = new MachineLocator(client, config);
        this.lifecycle = new Lifecycle(
                client,
                locator,
                new MachineWatcher(vertx, client, config.pollInterval()),
                config,
                bootActions::userData);
        this.catalog = new Catalog(client);
        this.siteNetworks = new SiteNetworks(client);
        this.siteServices = new SiteServices(client);
        this.sshKeys = new SshKeys(client);
        this.manifests = new Manifests(client);
        this.networking = new NetworkApplier(client, manifests);
        this.storage = new StorageApplier(client, manifests);
        this.platform = new PlatformApplier(client, catalog);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Future<SiteReport> verifySite() {
        return catalog.report();
    }

    @Override
    public Future<Void> prepareSite(SiteSpec site) {
        return siteNetworks
                .apply(site)
                .compose(x -> siteServices.apply(site))
                .compose(x -> sshKeys.ensure(site.sshKeys()));
    }

    /** Finds or enrolls the machine, then gives it the design's hostname and DNS domain when they differ. */
    @Override
    public Future<NodeStatus> identify(NodeSpec node) {
        return locator.findOrEnroll(node)
                .compose(m -> {
                    JsonObject domain = m.raw().getJsonObject("domain");
                    String current = domain == null ? null : domain.getString("name");
                    boolean sameDomain = node.domain() == null || node.domain().equals(current);
                    if (node.name().equals(m.hostname()) && sameDomain) {
                        return Future.succeededFuture(m);
                    }
                    return (sameDomain ? Future.<Void>succeededFuture() : siteServices.ensureDomain(node.domain()))
                            .compose(x -> client.put(
                                    m.path(),
                                    Forms.of("hostname", node.name(), "domain", sameDomain ? null : node.domain())))
                            .map(o -> m);
                })
                .map(MachinePhases::status);
    }

    @Override
    public Future<HardwareManifest> commission(NodeSpec node) {
        return lifecycle.commission(node).compose(manifests::of);
    }

    @Override
    public Future<Void> apply(NodeSpec node, ApplyStep step) {
        return locator.require(node).compose(m -> switch (MachinePhases.phase(m.statusName())) {
            // a deployed machine's configuration cannot change; it was applied before deployment
            case DEPLOYING, DEPLOYED -> Future.<Void>succeededFuture();
            case READY, ALLOCATED -> applyOn(m, node, step);
            default ->
                Future.<Void>failedFuture(new DriverException(
                        Kind.REFUSED,
                        false,
                        "cannot apply " + step + " to " + node.name() + " while MAAS reports " + m.statusName()));
        });
    }

    private Future<Void> applyOn(Machine m, NodeSpec node, ApplyStep step) {
        return switch (step) {
            case NETWORKING -> networking.apply(m, node);
            case STORAGE -> storage.apply(m, node);
            case PLATFORM -> platform.apply(m, node);
        };
    }

    @Override
    public Future<NodeStatus> deploy(NodeSpec node) {
        return lifecycle.deploy(node);
    }

    @Override
    public Future<NodeStatus> destroy(NodeSpec node, boolean eraseDisks) {
        return lifecycle.destroy(node, eraseDisks);
    }

    /**
     * Keeps the key for the node's next {@link #deploy}, which hands it over in MAAS's {@code user_data} with a
     * first-boot script that fetches and reports the node's boot actions ({@link BootActionUserData}). Without
     * the ids it cannot tell whether any boot action targets the node, so it fails {@code REFUSED} when {@code
     * bootActionUrl} is not configured, rather than deploying a node that could never fetch them.
     */
    @Override
    public Future<Void> bootActionKey(NodeSpec node, String keyHex) {
        return bootActions.keep(node, keyHex, null);
    }

    /**
     * As {@link #bootActionKey}, with the ids the first-boot script reports each boot action under; a node no
     * boot action targets (no ids) deploys without the script when {@code bootActionUrl} is not configured.
     */
    @Override
    public Future<Void> bootActions(NodeSpec node, String keyHex, java.util.Map<String, String> actionIds) {
        return bootActions.keep(node, keyHex, actionIds);
    }

    @Override
    public Future<NodeStatus> status(NodeSpec node) {
        return locator.find(node).map(m -> m == null ? NodeStatus.absent() : MachinePhases.status(m));
    }

    /** Closes the HTTP client; the driver is unusable afterwards. */
    public void close() {
        client.close();
    }
}
