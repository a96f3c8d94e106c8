package io.slipway.drivers.maas;

import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverSettings;
import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeDriverProvider;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Provides the {@code maas} node driver ({@code drivers.node.maas}). Keys (see {@link MaasConfig}):
 * {@code url}, {@code apiKey} (both required), {@code requestTimeoutMs} (30000), {@code
 * commissionTimeoutMs} (1800000), {@code deployTimeoutMs} (2700000), {@code releaseTimeoutMs}
 * (1800000), {@code pollIntervalMs} (10000), {@code architecture} ({@code amd64/generic}), {@code
 * quickErase} (true), {@code caFile} (PEM, for an https MAAS), {@code bootActionUrl} (the Slipway API root
 * nodes fetch boot actions from). Creating a driver does no I/O.
 */
public final class MaasNodeDriverProvider implements NodeDriverProvider {

    @Override
    public String type() {
        return MaasNodeDriver.TYPE;
    }

    @Override
    public List<String> check(JsonObject settings) {
        DriverSettings s = DriverSettings.of(this, settings)
                .required("url")
                .url("url")
                .required("apiKey")
                .text("architecture")
                .bool("quickErase")
                .text("caFile")
                .url("bootActionUrl");
        for (String key : List.of(
                "requestTimeoutMs", "commissionTimeoutMs", "deployTimeoutMs", "releaseTimeoutMs", "pollIntervalMs")) {
            s.positive(key);
        }
        if (settings.getValue("apiKey") instanceof String k && !k.isBlank() && k.split(":", -1).length != 3) {
            s.problem("apiKey", "must be consumer:token:secret (3 parts separated by ':')");
        }
        return s.problems();
    }

    @Override
    public NodeDriver create(DriverContext ctx, JsonObject settings) {
        return new MaasNodeDriver(ctx.vertx(), MaasConfig.from(settings));
    }
}
