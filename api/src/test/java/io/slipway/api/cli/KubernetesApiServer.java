package io.slipway.api.cli;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Kubernetes API server for tests: HTTPS on loopback with a certificate signed by a CA generated
 * here ({@code keytool}), Node objects in memory, {@code GET} and merge-{@code PATCH} of
 * {@code /api/v1/nodes/{name}} for one bearer token (401 otherwise). Records every request.
 */
final class KubernetesApiServer implements AutoCloseable {
    static final String PASSWORD = "changeit";

    final Map<String, JsonObject> labels = new ConcurrentHashMap<>();
    final List<String> seen = new CopyOnWriteArrayList<>();
    final Path caPem;
    private final Vertx vertx = Vertx.vertx();
    private final String token;
    private final HttpServer server;

    private KubernetesApiServer(Path dir, String token) throws Exception {
        this.token = token;
        this.caPem = dir.resolve("ca.crt");
        Path keystore = certificates(dir);
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(0)
                .setSsl(true)
                .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD));
        server = vertx.createHttpServer(options)
                .requestHandler(rq -> rq.body().onSuccess(b -> handle(rq, b.toString())))
                .listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    static KubernetesApiServer start(Path dir, String token) throws Exception {
        return new KubernetesApiServer(dir, token);
    }

    String url() {
        return "https://127.0.0.1:" + server.actualPort();
    }

    private void handle(HttpServerRequest rq, String body) {
        seen.add(rq.method() + " " + rq.path() + " " + rq.getHeader("Authorization") + " " + body);
        if (!("Bearer " + token).equals(rq.getHeader("Authorization"))) {
            rq.response().setStatusCode(401).end("{\"kind\":\"Status\",\"code\":401}");
            return;
        }
        String prefix = "/api/v1/nodes/";
        JsonObject current = rq.path().startsWith(prefix) ? labels.get(rq.path().substring(prefix.length())) : null;
        if (current == null) {
            rq.response().setStatusCode(404).end("{\"kind\":\"Status\",\"code\":404}");
            return;
        }
        if (rq.method().name().equals("PATCH")) {
            if (!"application/merge-patch+json".equals(rq.getHeader("Content-Type"))) {
                rq.response().setStatusCode(415).end();
                return;
            }
            new JsonObject(body)
                    .getJsonObject("metadata")
                    .getJsonObject("labels")
                    .forEach(e -> {
                        if (e.getValue() == null) {
                            current.remove(e.getKey());
                        } else {
                            current.put(e.getKey(), e.getValue());
                        }
                    });
        }
        rq.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("kind", "Node")
                        .put(
                                "metadata",
                                new JsonObject()
                                        .put("name", rq.path().substring(prefix.length()))
                                        .put("labels", current))
                        .encode());
    }

    /** A CA and a server certificate it signs for 127.0.0.1 and localhost; returns the server's PKCS#12 store. */
    private Path certificates(Path dir) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.p12");
        Path srv = dir.resolve("server.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-dname",
                "CN=slipway-test-ca",
                "-ext",
                "bc:c",
                "-validity",
                "2",
                "-keystore",
                ca.toString(),
                "-storepass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                caPem.toString());
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-dname",
                "CN=kubernetes",
                "-validity",
                "2",
                "-keystore",
                srv.toString(),
                "-storepass",
                PASSWORD);
        keytool(
                "-certreq",
                "-alias",
                "server",
                "-keystore",
                srv.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                dir.resolve("server.csr").toString());
        keytool(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                PASSWORD,
                "-infile",
                dir.resolve("server.csr").toString(),
                "-outfile",
                dir.resolve("server.crt").toString(),
                "-ext",
                "san=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caPem.toString(),
                "-keystore",
                srv.toString(),
                "-storepass",
                PASSWORD);
        keytool(
                "-importcert",
                "-alias",
                "server",
                "-file",
                dir.resolve("server.crt").toString(),
                "-keystore",
                srv.toString(),
                "-storepass",
                PASSWORD);
        return srv;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + ": " + out);
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
