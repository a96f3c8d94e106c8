package io.slipway.api.cli;

import io.slipway.api.auth.AuthConfig;
import io.slipway.api.auth.AuthSetup;
import io.slipway.api.http.ApiContext;
import io.slipway.api.http.ApiServer;
import io.slipway.api.http.RevisionCache;
import io.slipway.engine.Engine;
import io.slipway.engine.EngineConfig;
import io.slipway.engine.bootaction.BootActionConfig;
import io.slipway.engine.bootaction.BootActionService;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.site.SiteModels;
import io.slipway.engine.validation.RuleBook;
import io.slipway.engine.validation.RuleSet;
import io.slipway.store.DatabaseConfig;
import io.slipway.store.Databases;
import io.slipway.store.StoreHandle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway serve}: the database (embedded unless {@code SLIPWAY_DB_URL} is set), the engine with
 * its drivers, and the HTTP API, until stopped. Tokens generated at the first start are printed once.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the provisioner and its HTTP API until stopped.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RulesOption rules = new RulesOption();

  @Option(names = "--bind", defaultValue = "${env:SLIPWAY_BIND:-127.0.0.1}", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--port", defaultValue = "${env:SLIPWAY_PORT:-9000}", description = "HTTP port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", defaultValue = "${env:SLIPWAY_DATA_DIR:-${sys:user.home}/.slipway}",
      description = "Where tokens and the embedded database live (default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--node-driver", defaultValue = "${env:SLIPWAY_NODE_DRIVER:-lab}",
      description = "Bootstrapper: lab (simulated) or maas (default ${DEFAULT-VALUE}).")
  String nodeDriver;

  @Option(names = "--node-driver-config", defaultValue = "${env:SLIPWAY_NODE_DRIVER_CONFIG:-{}}",
      description = "JSON settings of the node driver, e.g. {\"url\":\"http://maas:5240/MAAS\",\"apiKey\":\"...\"}.")
  String nodeDriverConfig;

  @Option(names = "--auth-config", defaultValue = "${env:SLIPWAY_AUTH_CONFIG:-{}}",
      description = "JSON auth settings (policy file, tokens, jwt); see docs/auth.md.")
  String authConfig;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Vertx vertx = Vertx.vertx();
    DatabaseConfig db = DatabaseConfig.fromEnvironment(System.getenv());
    if (System.getenv(DatabaseConfig.URL_ENV) == null && System.getenv(DatabaseConfig.DATA_DIR_ENV) == null) {
      db = DatabaseConfig.embedded(dataDir.resolve("pgdata"));
    }
    StoreHandle store = Runtime.await(Databases.open(vertx, db), 120, "opening the database");
    RuleSet validation = rules.validationRules(RuleBook.Mode.EXECUTABLE);
    RuleSet lifecycle = rules.lifecycleRules();
    var drivers = Runtime.drivers(vertx, nodeDriver, new JsonObject(nodeDriverConfig), null, null);
    Engine engine = Runtime.await(Engine.start(vertx, store, EngineConfig.defaults(), drivers, validation, lifecycle,
        "serve-" + UUID.randomUUID()), 120, "starting the engine");
    AuthSetup auth = Runtime.await(AuthSetup.create(vertx, AuthConfig.from(new JsonObject(authConfig), dataDir)), 30,
        "loading the auth configuration");
    RevisionCache revisions = new RevisionCache(vertx, store.designs(), new SiteModels(validation, false));
    ApiContext api = new ApiContext(vertx, engine, store, new DesignLoader(), validation, auth.routes()::guard,
        auth.routes()::permits, false, BootActionService.create(vertx, store, revisions::get, BootActionConfig.defaults()
            .withReportUrl("http://" + bind + ":" + port + "/api/v1.0/bootactions/")));
    ApiServer server = Runtime.await(ApiServer.start(api, bind, port), 30, "starting the API");
    out.println("Slipway is serving on http://" + bind + ":" + server.port() + "/api/v1.0 (database: " + store.endpoint() + ")");
    auth.issuedTokens().forEach(t -> out.println("  new " + t.name() + " token (shown once): " + t.token()));
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    java.lang.Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      Runtime.await(server.close().compose(v -> engine.stop()).compose(v -> store.close()), 30, "stopping");
      auth.close();
      stopped.countDown();
    }));
    stopped.await();
    return ExitCodes.OK;
  }
}
