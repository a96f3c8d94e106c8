package io.slipway.api.cli;

import io.slipway.engine.leadership.ElectionConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of the long-running commands ({@code serve}, {@code demo}). Each has an environment
 * variable, and any of them may be set in the {@code --config} YAML file by its long name.
 */
final class ServerOptions {
    @Mixin
    RulesOption rules = new RulesOption();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "YAML file of option values, keyed by long option name (or SLIPWAY_CONFIG).")
    Path config;

    @Option(
            names = "--bind",
            defaultValue = "${env:SLIPWAY_BIND:-127.0.0.1}",
            description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--port",
            defaultValue = "${env:SLIPWAY_PORT:-9000}",
            description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:SLIPWAY_DATA_DIR:-${sys:user.home}/.slipway}",
            description = "Where tokens and the embedded database live (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--node-driver",
            defaultValue = "${env:SLIPWAY_NODE_DRIVER}",
            description = "Shorthand for drivers.node.type: the bootstrapper, e.g. maas (no default: serve needs one).")
    String nodeDriver;

    @Option(
            names = "--node-driver-config",
            defaultValue = "${env:SLIPWAY_NODE_DRIVER_CONFIG}",
            description =
                    "Shorthand for drivers.node.<type>: JSON settings of the node driver, e.g. {\"url\":\"http://maas:5240/MAAS\",\"apiKey\":\"...\"}.")
    String nodeDriverConfig;

    @Option(
            names = "--simulate",
            defaultValue = "${env:SLIPWAY_SIMULATE:-false}",
            description =
                    "Run the lab simulators instead of every configured driver and every design oob.type (announced; no real hardware is contacted).")
    boolean simulate;

    /** The {@code drivers:} mapping of the config file, set by the command before the server starts. */
    io.vertx.core.json.JsonObject fileDrivers;

    /** The merged driver configuration: the file's {@code drivers}, {@code SLIPWAY_DRIVERS_*}, the shorthands. */
    io.slipway.api.drivers.DriversConfigSource.Result drivers(java.util.Map<String, String> env) {
        return io.slipway.api.drivers.DriversConfigSource.read(
                fileDrivers, env, nodeDriver, nodeDriverConfig, simulate);
    }

    @Option(
            names = "--auth-config",
            defaultValue = "${env:SLIPWAY_AUTH_CONFIG:-{}}",
            description = "JSON auth settings (policy file, tokens, jwt); see docs/auth.md.")
    String authConfig;

    @Option(
            names = "--fetch-config",
            defaultValue = "${env:SLIPWAY_FETCH_CONFIG:-{}}",
            description =
                    "JSON outbound-fetch policy: {\"sources\": [{\"url\": ...}], \"deadline_seconds\": 30}; the default fetches"
                            + " no http(s) at all (see docs/operations.md).")
    String fetchConfig;

    @Option(
            names = "--http-config",
            defaultValue = "${env:SLIPWAY_HTTP_CONFIG:-{}}",
            description =
                    "JSON HTTP server limits (idle and header timeouts, connections, headers); see docs/operations.md.")
    String httpConfig;

    @Option(
            names = "--cluster-name",
            defaultValue = "${env:SLIPWAY_CLUSTER_NAME:-slipway}",
            description = "Instances of one cluster share this name.")
    String clusterName;

    @Option(
            names = "--cluster-port",
            defaultValue = "${env:SLIPWAY_CLUSTER_PORT:-5701}",
            description = "Cluster member port (default ${DEFAULT-VALUE}).")
    int clusterPort;

    @Option(
            names = "--cluster-address",
            defaultValue = "${env:SLIPWAY_CLUSTER_ADDRESS}",
            description = "Address the cluster member binds to and announces (default: 127.0.0.1 alone, else auto).")
    String clusterAddress;

    @Option(
            names = "--cluster-members",
            defaultValue = "${env:SLIPWAY_CLUSTER_MEMBERS:-}",
            description = "Comma-separated host:port of the other instances (TCP/IP join); empty: run alone.")
    String clusterMembers;

    @Option(
            names = "--cluster-kubernetes-dns",
            defaultValue = "${env:SLIPWAY_CLUSTER_KUBERNETES_DNS}",
            description = "Headless service name whose DNS records list the instances (Kubernetes).")
    String kubernetesDns;

    @Option(
            names = "--lease-ms",
            defaultValue = "${env:SLIPWAY_LEASE_MS:-10000}",
            description = "Leader lease (default ${DEFAULT-VALUE}).")
    long leaseMs;

    @Option(
            names = "--renew-ms",
            defaultValue = "${env:SLIPWAY_RENEW_MS:-2000}",
            description = "Lease renewal interval (default ${DEFAULT-VALUE}).")
    long renewMs;

    @Option(
            names = "--claim-ms",
            defaultValue = "${env:SLIPWAY_CLAIM_MS:-1000}",
            description = "How often a standby tries to lead (default ${DEFAULT-VALUE}).")
    long claimMs;

    ElectionConfig election() {
        List<String> members = clusterMembers == null || clusterMembers.isBlank()
                ? List.of()
                : Arrays.stream(clusterMembers.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        boolean alone = members.isEmpty() && (kubernetesDns == null || kubernetesDns.isBlank());
        String address =
                clusterAddress != null && !clusterAddress.isBlank() ? clusterAddress : alone ? "127.0.0.1" : null;
        String dns = kubernetesDns == null || kubernetesDns.isBlank() ? null : kubernetesDns;
        return new ElectionConfig(clusterName, clusterPort, address, members, dns, leaseMs, renewMs, claimMs);
    }
}
