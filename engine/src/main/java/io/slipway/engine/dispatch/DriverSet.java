package io.slipway.engine.dispatch;

import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.kubernetes.KubernetesDriver;
import io.slipway.drivers.spi.network.NetworkDriver;
import io.slipway.drivers.spi.node.NodeDriver;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The drivers the dispatcher runs steps with: OOB drivers by type (created on first use, one per
 * type), one node driver, and optionally a network and a Kubernetes driver. {@code oobOverride},
 * when set, serves every node with that OOB type (the lab uses it to put simulated BMCs behind a
 * real design). Confined to the dispatcher's context.
 */
public final class DriverSet {
    private final DriverContext context;
    private final DriverRegistry registry;
    private final JsonObject oobConfig;
    private final String oobOverride;
    private final NodeDriver node;
    private final NetworkDriver network;
    private final KubernetesDriver kubernetes;
    private final Map<String, OobDriver> oob = new java.util.concurrent.ConcurrentHashMap<>();
    private Provenance provenance = UNSPECIFIED;

    /** The provenance of driver sets built without one (tests that wire drivers by hand). */
    public static final Provenance UNSPECIFIED = Provenance.of("unspecified", false, new JsonObject());

    /** Sets where the observations these drivers make come from (see {@link Provenance}). */
    public DriverSet withProvenance(Provenance p) {
        this.provenance = java.util.Objects.requireNonNull(p);
        return this;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** Adds an already created OOB driver for {@code type} (drivers whose state must outlive an engine). */
    public DriverSet withOob(String type, OobDriver driver) {
        oob.put(type, driver);
        return this;
    }

    /**
     * @param oobConfig settings per OOB type ({@code drivers.oob}), passed to a type's provider when
     *     its driver is first needed
     */
    public DriverSet(
            Vertx vertx,
            DriverRegistry registry,
            JsonObject oobConfig,
            String oobOverride,
            NodeDriver node,
            NetworkDriver network,
            KubernetesDriver kubernetes) {
        this(DriverContext.of(vertx), registry, oobConfig, oobOverride, node, network, kubernetes);
    }

    public DriverSet(
            DriverContext context,
            DriverRegistry registry,
            JsonObject oobConfig,
            String oobOverride,
            NodeDriver node,
            NetworkDriver network,
            KubernetesDriver kubernetes) {
        this.context = context;
        this.registry = registry;
        this.oobConfig = oobConfig == null ? new JsonObject() : oobConfig;
        this.oobOverride = oobOverride;
        this.node = node;
        this.network = network;
        this.kubernetes = kubernetes;
    }

    /** The OOB driver for a node's {@code oob.type}; an unknown type fails as an unsupported step. */
    public OobDriver oob(String type) {
        String t = oobOverride != null ? oobOverride : type;
        if (t == null) {
            throw DriverException.unsupported("the node has no oob.type");
        }
        return oob.computeIfAbsent(t, k -> {
            try {
                return registry.oob(k).create(context, oobConfig.getJsonObject(k, new JsonObject()));
            } catch (IllegalArgumentException e) {
                throw DriverException.unsupported(e.getMessage());
            }
        });
    }

    /** The OOB type that serves a node whose design says {@code designType} (the override, when set). */
    public String oobTypeFor(String designType) {
        return oobOverride != null ? oobOverride : designType;
    }

    public NodeDriver node() {
        return node;
    }

    public boolean hasKubernetes() {
        return kubernetes != null;
    }

    public boolean hasNetwork() {
        return network != null;
    }

    public NetworkDriver network() {
        if (network == null) {
            throw DriverException.unsupported("no network driver is configured");
        }
        return network;
    }

    public KubernetesDriver kubernetes() {
        if (kubernetes == null) {
            throw DriverException.unsupported("no kubernetes driver is configured");
        }
        return kubernetes;
    }
}
