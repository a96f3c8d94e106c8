package io.slipway.drivers.ipmi.it;

import io.slipway.drivers.spi.DriverContext;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.slipway.drivers.ipmi.IpmiOobDriverProvider;
import io.slipway.drivers.ipmi.sim.FakeBmc;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverContract;
import io.slipway.drivers.spi.OobTarget;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The OOB contract against pyghmi's {@code fakebmc}, a second independent BMC implementation, with
 * cipher suite discovery ({@code auto}): this peer answers Get Channel Cipher Suites.
 */
class FakeBmcIT extends OobDriverContract {

  private static FakeBmc bmc;
  private static FakeBmc victim;
  private static Vertx vertx;
  private static OobDriver driver;

  @BeforeAll
  static void start() throws Exception {
    FakeBmc.requireOrSkip();
    bmc = FakeBmc.start();
    // fakebmc stops answering for a long while after a failed RAKP exchange, so the wrong
    // password goes to a second instance and the main one keeps serving the other tests
    victim = FakeBmc.start();
    vertx = Vertx.vertx();
    // python starts slowly: generous attempts for the first session
    driver =
        new IpmiOobDriverProvider()
            .create(
                DriverContext.of(vertx),
                new JsonObject()
                    .put("attemptTimeoutMs", 500)
                    .put("retries", 8)
                    .put("pollIntervalMs", 100)
                    .put("powerTimeoutMs", 10_000)
                    .put("cipherSuite", "auto"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
    if (bmc != null) {
      bmc.close();
    }
    if (victim != null) {
      victim.close();
    }
  }

  @Override
  protected OobDriver driver() {
    return driver;
  }

  @Override
  protected OobTarget target() {
    return OobTarget.of("127.0.0.1", bmc.port(), Credentials.of("admin", "password"));
  }

  @Override
  protected OobTarget unreachableTarget() {
    return OobTarget.of("127.0.0.1", 9, Credentials.of("admin", "password"));
  }

  @Override
  protected java.time.Duration unreachableBound() {
    return java.time.Duration.ofMillis(500 * 9);
  }

  @Override
  protected OobTarget wrongPasswordTarget() {
    return OobTarget.of("127.0.0.1", victim.port(), Credentials.of("admin", "wrong"));
  }
}
