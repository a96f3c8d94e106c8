package io.slipway.drivers.spi;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The shape every driver provider follows, whatever its kind. Providers are ServiceLoader plugins,
 * found by {@link DriverRegistry}; they are stateless and thread-safe.
 *
 * <p>The start sequence is: {@link #check} for every configured driver (all problems reported at
 * once, before the database or the cluster starts), then {@link #create} for each.
 *
 * @param <D> the driver interface of the kind
 */
public interface DriverProvider<D> {

    /** The type name this provider serves ({@code ipmi}, {@code maas}, ...); unique within its kind. */
    String type();

    /** The kind of driver this provider creates. */
    DriverKind kind();

    /**
     * What this type asks of a site design: required parameters and a parameter check, which the
     * validation rules apply to every node that selects the type. The default asks nothing.
     */
    default DriverDescription description() {
        return DriverDescription.of(kind(), type());
    }

    /**
     * True for simulators (the {@code lab} drivers): they never touch real hardware and run only in
     * {@code demo} or under an explicit {@code --simulate}.
     */
    default boolean simulated() {
        return false;
    }

    /**
     * True for the one provider of its kind used when the configuration names no type for that kind
     * (for node drivers: Slipway's own bootstrapper). Never true for a simulator.
     */
    default boolean standard() {
        return false;
    }

    /**
     * Checks settings without any I/O (no file, socket or DNS access). Each problem names the full
     * key, e.g. {@code drivers.node.maas.url: required}; build them with {@link DriverSettings}.
     *
     * @param settings the driver's subtree of the configuration (never null)
     * @return the problems, empty when {@link #create} may be called
     */
    default List<String> check(JsonObject settings) {
        return List.of();
    }

    /**
     * Creates a driver. Must not block or do network I/O (connections open on first use); settings
     * that passed {@link #check} must not make it fail.
     *
     * @param ctx the services the process offers drivers
     * @param settings the driver's subtree of the configuration (never null); unknown keys are ignored
     */
    D create(DriverContext ctx, JsonObject settings);

    /** The configuration path of this provider's settings, e.g. {@code drivers.oob.ipmi}. */
    default String settingsPath() {
        return kind().settingsPath(type());
    }
}
