package io.slipway.drivers.redfish;

import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverDescription;
import io.slipway.drivers.spi.DriverSettings;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverProvider;
import io.slipway.drivers.spi.PowerPoller;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;
import java.util.Set;

/**
 * Provides the {@code redfish} driver ({@code drivers.oob.redfish}). Keys: {@code tlsVerify}
 * (default true), {@code caPem} (CA bundle for BMC certificates; default: the JVM trust store),
 * {@code auth} ({@code basic} or {@code session}, default basic), {@code requestTimeoutMs} (10000),
 * {@code pollIntervalMs} (1000), {@code powerTimeoutMs} (120000).
 */
public final class RedfishOobDriverProvider implements OobDriverProvider {

    @Override
    public String type() {
        return RedfishOobDriver.TYPE;
    }

    /** Nodes need {@code account}, {@code credential}, {@code network}; options are checked (SW4003). */
    @Override
    public DriverDescription description() {
        return RedfishParameters.description();
    }

    @Override
    public List<String> check(JsonObject settings) {
        return DriverSettings.of(this, settings)
                .bool("tlsVerify")
                .text("caPem")
                .oneOf("auth", Set.of("basic", "session"))
                .positive("requestTimeoutMs")
                .positive("pollIntervalMs")
                .positive("powerTimeoutMs")
                .problems();
    }

    @Override
    public OobDriver create(DriverContext ctx, JsonObject settings) {
        RedfishConfig c = RedfishConfig.fromJson(settings);
        WebClientOptions options = new WebClientOptions()
                .setTrustAll(!c.tlsVerify())
                .setVerifyHost(c.tlsVerify())
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, c.requestTimeoutMs()))
                .setUserAgent("slipway");
        if (c.tlsVerify() && c.caPem() != null) {
            options.setTrustOptions(new PemTrustOptions().addCertPath(c.caPem()));
        }
        WebClient web = WebClient.create(ctx.vertx(), options);
        return new RedfishOobDriver(
                new RedfishClient(web, c), new PowerPoller(ctx.vertx(), c.pollIntervalMs(), c.powerTimeoutMs()));
    }
}
