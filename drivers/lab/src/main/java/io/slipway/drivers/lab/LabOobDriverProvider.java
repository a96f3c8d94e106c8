package io.slipway.drivers.lab;

import io.slipway.drivers.ipmi.IpmiOobDriverProvider;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverDescription;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverProvider;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Provides the simulated {@code lab} OOB driver ({@code drivers.oob.lab}): BMCs that live in this
 * process. Its settings are passed to the embedded IPMI driver, with loopback-friendly defaults
 * (200 ms attempts, 50 ms power polling) where keys are missing. A simulator: only {@code demo} and
 * {@code --simulate} use it.
 */
public final class LabOobDriverProvider implements OobDriverProvider {

    static final JsonObject DEFAULTS = new JsonObject()
            .put("attemptTimeoutMs", 200)
            .put("retries", 4)
            .put("maxRtoMs", 200) // in-JVM BMCs answer at once: no back-off, a dead one fails in 1 s
            .put("pollIntervalMs", 50)
            .put("powerTimeoutMs", 10_000)
            .put("cipherSuite", "3");

    @Override
    public String type() {
        return LabOobDriver.TYPE;
    }

    /** Simulated BMCs are logged into like IPMI ones; the design may leave the parameters out (they default). */
    @Override
    public DriverDescription description() {
        return DriverDescription.of(kind(), type()).withTitle("Lab", "SW4005").withLogin();
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public List<String> check(JsonObject settings) {
        return new IpmiOobDriverProvider()
                .check(settings).stream()
                        .map(p -> p.replaceFirst("^drivers\\.oob\\.ipmi\\.", "drivers.oob.lab."))
                        .toList();
    }

    @Override
    public OobDriver create(DriverContext ctx, JsonObject settings) {
        JsonObject ipmi = DEFAULTS.copy().mergeIn(settings == null ? new JsonObject() : settings);
        return new LabOobDriver(ctx.vertx(), new IpmiOobDriverProvider().create(ctx, ipmi));
    }
}
