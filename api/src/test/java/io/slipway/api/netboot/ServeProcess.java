package io.slipway.api.netboot;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code slipway serve} from the packaged jar in its own JVM, on a Postgres the test owns (so the
 * database outlives a killed server), its output appended to {@code serve.log}.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("new admin token \\(shown once\\): (\\S+)");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    final int port;
    final Path dir;
    private final List<String> args;
    private Process process;
    private String token;

    private final String dbUrl;

    ServeProcess(Path dir, int port, String dbUrl, List<String> extraArgs) {
        this.dir = dir;
        this.port = port;
        this.dbUrl = dbUrl;
        this.args = extraArgs;
    }

    /** Starts serve and waits until the API answers with the admin token issued at the first start. */
    ServeProcess start() throws Exception {
        Path jar = Path.of("target", "slipway.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is built by the package phase");
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-Ddrools.jittingThreshold=-1",
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dir.resolve("data").toString(),
                "--cluster-address",
                "127.0.0.1",
                "--cluster-port",
                Integer.toString(VmLab.freeTcpPort()),
                "--cluster-name",
                "netboot-" + dir.getFileName(),
                "--auth-config",
                new JsonObject()
                        .put(
                                "tokens",
                                new JsonObject()
                                        .put("file", dir.resolve("tokens.yaml").toString()))
                        .encode()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("serve.log").toFile()));
        pb.environment().put("SLIPWAY_DB_URL", dbUrl);
        pb.environment().remove("SLIPWAY_DB_DATA_DIR");
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("serve exited " + process.exitValue() + ":\n" + logTail());
            }
            if (token == null) {
                Matcher m = TOKEN.matcher(Files.readString(dir.resolve("serve.log")));
                token = m.find() ? m.group(1) : null;
            }
            if (token != null && answers()) {
                return this;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("serve did not answer within 180 s:\n" + logTail());
    }

    /** CPU seconds the serve JVM has used so far. */
    double cpuSeconds() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(d -> d.toMillis() / 1000.0)
                .orElse(0.0);
    }

    long pid() {
        return process.pid();
    }

    /** Kills the JVM at once (SIGKILL), as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    String logTail() {
        try {
            String s = Files.readString(dir.resolve("serve.log"));
            return s.substring(Math.max(0, s.length() - 6000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    HttpResponse<String> send(String method, String path, String type, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonObject getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", path, null, null);
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return new JsonObject(r.body());
    }

    private boolean answers() {
        try {
            return send("GET", "/api/v1.0/nodes", null, null).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
