package io.slipway.drivers.manual;

import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverSettings;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverProvider;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Provides the {@code manual} driver ({@code drivers.oob.manual}): {@code confirmTimeoutMs} (default 1 hour). */
public final class ManualOobDriverProvider implements OobDriverProvider {

    @Override
    public String type() {
        return ManualOobDriver.TYPE;
    }

    @Override
    public List<String> check(JsonObject settings) {
        return DriverSettings.of(this, settings).positive("confirmTimeoutMs").problems();
    }

    @Override
    public OobDriver create(DriverContext ctx, JsonObject settings) {
        return new ManualOobDriver(ctx.vertx(), settings.getLong("confirmTimeoutMs", 3_600_000L));
    }
}
