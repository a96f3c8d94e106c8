package io.slipway.api.ha;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code slipway serve} in its own JVM, started from the packaged jar, with its output in a file. */
final class Instance implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ACTION = Pattern.compile("^(\\S+) INFO .*action (\\S+) on (\\S+) under epoch (\\d+)");

    final String name;
    final int port;
    final Path log;
    final Process process;

    private Instance(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static Instance start(
            String name, Path jar, Path dir, int port, int clusterPort, String members, String dbUrl, Path tokens)
            throws IOException {
        Path data = Files.createDirectories(dir.resolve(name));
        Path log = dir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Ddrools.jittingThreshold=-1",
                "-jar",
                jar.toString(),
                "serve",
                "--simulate",
                "--port",
                Integer.toString(port),
                "--data-dir",
                data.toString(),
                "--cluster-address",
                "127.0.0.1",
                "--cluster-port",
                Integer.toString(clusterPort),
                "--cluster-members",
                members,
                "--cluster-name",
                "failover-" + dir.getFileName(),
                "--lease-ms",
                "6000",
                "--renew-ms",
                "1000",
                "--claim-ms",
                "500",
                "--auth-config",
                new JsonObject()
                        .put("tokens", new JsonObject().put("file", tokens.toString()))
                        .encode()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SLIPWAY_DB_URL", dbUrl);
        pb.environment().remove("SLIPWAY_DB_DATA_DIR");
        return new Instance(name, port, log, pb.start());
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpResponse<String> send(String method, String path, String token, String type, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(5))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code /health/extended} body, or null when the instance does not answer. */
    JsonObject health(String token) {
        try {
            HttpResponse<String> r = send("GET", "/api/v1.0/health/extended", token, null, null);
            return r.statusCode() == 200 ? new JsonObject(r.body()) : null;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return null;
        }
    }

    JsonArray nodes(String token) throws IOException, InterruptedException {
        return new JsonArray(send("GET", "/api/v1.0/nodes", token, null, null).body());
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** The driver actions this instance logged: timestamp, step, node, epoch. */
    List<Map<String, String>> actions() throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = ACTION.matcher(line);
            if (m.find()) {
                out.add(Map.of("ts", m.group(1), "step", m.group(2), "node", m.group(3), "epoch", m.group(4)));
            }
        }
        return out;
    }

    long pid() {
        return process.pid();
    }

    void signal(String sig) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + sig, Long.toString(pid()))
                .inheritIO()
                .start()
                .waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            signal("CONT");
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
