package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverSettings;
import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeDriverProvider;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Provides the {@code netboot} node driver ({@code drivers.node.netboot}); keys are {@link NetbootConfig}'s.
 * {@code baseUrl}, {@code artefactsDir} and {@code imagesDir} are required. Creating it does no I/O (the
 * listener starts with {@link NetbootNodeDriver#listen}). It needs the process's durable driver state and
 * refuses to run without it rather than keep jobs in memory.
 */
public final class NetbootNodeDriverProvider implements NodeDriverProvider {

    @Override
    public String type() {
        return NetbootNodeDriver.TYPE;
    }

    /** Slipway's own bootstrapper is the node driver when the configuration names none. */
    @Override
    public boolean standard() {
        return true;
    }

    @Override
    public List<String> check(JsonObject settings) {
        DriverSettings s = DriverSettings.of(this, settings)
                .required("baseUrl")
                .url("baseUrl")
                .required("artefactsDir")
                .required("imagesDir")
                .text("bind")
                .text("dnsmasqConfig")
                .text("tftpRoot")
                .text("agentKernelArgs");
        for (String key : List.of(
                "tokenTtlS",
                "commissionTimeoutS",
                "deployTimeoutS",
                "eraseTimeoutS",
                "bootedTimeoutS",
                "residentWindowS",
                "maxPollWaitS")) {
            s.positive(key);
        }
        s.atLeastZero("port");
        return s.problems();
    }

    @Override
    public NodeDriver create(DriverContext ctx, JsonObject settings) {
        if (ctx.state() == null) {
            throw new IllegalStateException("the netboot driver needs durable driver state (the server's database)");
        }
        return new NetbootNodeDriver(
                ctx.vertx(), ctx.clock(), ctx.state(), ctx.nodeRoutes(), NetbootConfig.from(settings));
    }
}
