package io.slipway.drivers.ipmi;

import io.slipway.drivers.ipmi.client.IpmiClient;
import io.slipway.drivers.ipmi.client.IpmiClientOptions;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverDescription;
import io.slipway.drivers.spi.DriverSettings;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverProvider;
import io.slipway.drivers.spi.PowerPoller;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * Provides the {@code ipmi} driver ({@code drivers.oob.ipmi}). Keys: those of {@link
 * IpmiClientOptions}, plus {@code cipherSuite} (default {@code auto}), {@code pollIntervalMs}
 * (default 500) and {@code powerTimeoutMs} (default 30000) for power confirmation. Every key has a
 * default; BMC addresses and credentials come from the design.
 */
public final class IpmiOobDriverProvider implements OobDriverProvider {

    @Override
    public String type() {
        return IpmiOobDriver.TYPE;
    }

    /**
     * Nodes need {@code account}, {@code credential} and {@code network}; the BMC is the node's
     * address on that network. Findings carry Drydock's {@code DD4001}.
     */
    @Override
    public DriverDescription description() {
        return DriverDescription.of(kind(), type())
                .withTitle("IPMI", "DD4001")
                .withRequired("account", "credential", "network")
                .withBmcLogin();
    }

    @Override
    public List<String> check(JsonObject settings) {
        DriverSettings s = DriverSettings.of(this, settings);
        for (String key : List.of(
                "attemptTimeoutMs",
                "minRtoMs",
                "maxRtoMs",
                "sessionIdleMs",
                "maxInFlightPerBmc",
                "window",
                "maxWindow",
                "targetLatencyMs",
                "pollIntervalMs",
                "powerTimeoutMs",
                "receiveBufferBytes",
                "privilege")) {
            s.positive(key);
        }
        s.atLeastZero("retries").atLeastZero("discoveryTimeoutMs");
        s.oneOf("cipherSuite", Set.of("auto", "3", "17"));
        List<String> problems = new java.util.ArrayList<>(s.problems());
        if (problems.isEmpty()) {
            try {
                IpmiClientOptions.fromJson(settings);
            } catch (IllegalArgumentException | ClassCastException e) {
                problems.add("drivers.oob.ipmi: " + e.getMessage());
            }
        }
        return problems;
    }

    @Override
    public OobDriver create(DriverContext ctx, JsonObject settings) {
        IpmiClient client = IpmiClient.create(ctx.vertx(), IpmiClientOptions.fromJson(settings));
        PowerPoller poller = new PowerPoller(
                ctx.vertx(), settings.getLong("pollIntervalMs", 500L), settings.getLong("powerTimeoutMs", 30_000L));
        return new IpmiOobDriver(client, poller, String.valueOf(settings.getValue("cipherSuite", "auto")));
    }
}
