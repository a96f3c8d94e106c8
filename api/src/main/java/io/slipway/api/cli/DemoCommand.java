package io.slipway.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.api.auth.IssuedToken;
import io.slipway.api.drivers.DriverWiring;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway demo}: a complete provisioner on a fresh data directory (embedded Postgres, a
 * cluster of one, the API) that validates a lab site and deploys every node through the API with
 * simulated BMCs and bootstrapper, then keeps serving so the result can be explored. Without
 * {@code --data-dir} its data lives in a throw-away directory deleted on exit (it holds BMC passwords
 * and token hashes); with one, the data is kept there.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start a throw-away provisioner, deploy the lab site with simulated hardware, and keep serving.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions options = new ServerOptions();

    @Option(
            names = "--site",
            defaultValue = "site-examples/lab-site.yaml",
            description = "Design to deploy (default ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = "--exit", description = "Stop once every node is deployed instead of serving.")
    boolean exit;

    @Override
    public Integer call() throws Exception {
        ConfigFileDefaults.verify(spec);
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(site)) {
            throw new IllegalArgumentException(
                    site + ": no such design file (run from the project directory or pass --site)");
        }
        boolean throwAway = !dataDirChosen();
        if (throwAway) {
            options.dataDir = Files.createTempDirectory("slipway-demo-");
        }
        options.simulate = true;
        options.fileDrivers = ConfigFileDefaults.drivers(spec);
        long t0 = System.nanoTime();
        DriverWiring drivers = Server.drivers(options, Map.of());
        out.println("Starting Slipway (data in " + options.dataDir + (throwAway ? ", deleted on exit" : "") + ") ...");
        out.println(drivers.banner());
        out.flush();
        Server server = Server.start(options, Map.of(), drivers);
        String token = server.issuedTokens().stream()
                .filter(t -> t.roles().contains("admin"))
                .map(IssuedToken::token)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no admin token was issued"));
        boolean allDeployed = deploy(new ApiClient(server.url, token), out, t0);
        out.println();
        out.println("API:   " + server.url + "/api/v1.0");
        out.println("Token: " + token);
        out.println("Try:   curl -s -H \"Authorization: Bearer " + token + "\" " + server.url + "/api/v1.0/nodes");
        out.flush();
        Path data = options.dataDir;
        Runnable cleanUp = () -> {
            if (throwAway) {
                DataDirs.deleteTree(data);
            }
        };
        if (exit) {
            server.stop();
            cleanUp.run();
            return allDeployed ? ExitCodes.OK : ExitCodes.INVALID;
        }
        out.println("Serving until stopped (Ctrl-C).");
        out.flush();
        ServeCommand.awaitShutdown(server, cleanUp);
        return ExitCodes.OK;
    }

    /** Whether the operator named a data directory (option, environment or configuration file). */
    private boolean dataDirChosen() {
        Path dflt = Path.of(System.getProperty("user.home"), ".slipway");
        return spec.commandLine().getParseResult().hasMatchedOption("--data-dir")
                || System.getenv("SLIPWAY_DATA_DIR") != null
                || options.dataDir != null && !options.dataDir.equals(dflt);
    }

    /** Stores, validates and deploys the site through the API, printing progress; true when every node is deployed. */
    private boolean deploy(ApiClient api, PrintWriter out, long t0) throws Exception {
        out.println(
                "Storing and validating " + site + " through the API (the engine starts once this instance leads) ...");
        out.flush();
        JsonNode rev = api.postText(
                "/api/v1.0/designs?name=" + site.getFileName(), "application/yaml", Files.readString(site));
        String ref = rev.path("design_ref").asText();
        JsonNode status = api.post("/api/v1.0/validatedesign", Map.of("href", ref));
        out.printf(
                "%s is %s as %s: %s, %d error(s)%n",
                site,
                "stored",
                ref,
                status.path("status").asText(),
                status.path("details").path("errorCount").asInt());
        JsonNode task = api.post("/api/v1.0/tasks", Map.of("action", "deploy_nodes", "design_ref", ref));
        out.println("deploy_nodes task " + task.path("task_id").asText() + ":");
        out.flush();
        JsonNode done = Progress.follow(api, task.path("task_id").asText(), out);
        long deployed = 0;
        int total = 0;
        for (JsonNode n : api.get("/api/v1.0/nodes")) {
            total++;
            deployed += "deployed".equals(n.path("state").asText()) ? 1 : 0;
        }
        out.printf(
                "%d of %d nodes deployed in %.1f s; task %s%n",
                deployed,
                total,
                (System.nanoTime() - t0) / 1e9,
                done.path("result").path("status").asText());
        return deployed == total;
    }
}
