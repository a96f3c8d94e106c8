package io.slipway.drivers.kubernetes;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.kubernetes.KubernetesDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code kubernetes} driver: node labels through the API server. {@link #labels} is one {@code
 * GET /api/v1/nodes/{name}}; {@link #relabel} is one {@code PATCH} of the same path with a JSON
 * merge patch ({@code application/merge-patch+json}) that sets the given labels and removes the
 * others named, leaving every other label alone. A merge patch is idempotent, so a repeated relabel
 * sends the same patch and changes nothing.
 *
 * <p>Names, keys and values are checked against Kubernetes' syntax first: a bad one fails {@code
 * REFUSED} and nothing is sent. Answers: 401/403 {@code AUTH}; 404 and other 4xx {@code REFUSED}
 * (409 retriable); 429 and 5xx {@code FAILED}, retriable; no connection {@code UNREACHABLE}; no
 * answer within {@code requestTimeoutMs} {@code TIMEOUT}. Thread-safe; futures complete on a Vert.x
 * context.
 */
public final class K8sNodeLabelDriver implements KubernetesDriver {

    public static final String TYPE = "kubernetes";
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final Vertx vertx;
    private final WebClient web;
    private final K8sConfig config;

    K8sNodeLabelDriver(Vertx vertx, WebClient web, K8sConfig config) {
        this.vertx = vertx;
        this.web = web;
        this.config = config;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Future<Map<String, String>> labels(String node) {
        String problem = K8sLabels.nodeProblem(node);
        if (problem != null) {
            return Future.failedFuture(refused(problem));
        }
        return send(HttpMethod.GET, node, null).map(K8sNodeLabelDriver::labelsOf);
    }

    @Override
    public Future<Map<String, String>> relabel(String node, Map<String, String> labels, Set<String> remove) {
        String problem = K8sLabels.nodeProblem(node);
        if (problem == null) {
            problem = K8sLabels.problem(labels, remove);
        }
        if (problem != null) {
            return Future.failedFuture(refused(problem));
        }
        return send(HttpMethod.PATCH, node, K8sLabels.patch(labels, remove)).map(K8sNodeLabelDriver::labelsOf);
    }

    /** Releases the HTTP client. */
    public void close() {
        web.close();
    }

    private Future<JsonObject> send(HttpMethod method, String node, JsonObject body) {
        String what = method + " node " + node;
        return token().compose(token -> {
                    HttpRequest<Buffer> rq = web.requestAbs(method, config.apiServer() + "/api/v1/nodes/" + node)
                            .putHeader("Authorization", "Bearer " + token)
                            .putHeader("Accept", "application/json")
                            .timeout(config.requestTimeoutMs());
                    return body == null
                            ? rq.send()
                            : rq.putHeader("Content-Type", MERGE_PATCH).sendBuffer(body.toBuffer());
                })
                .recover(err -> Future.failedFuture(K8sErrors.of(err, what)))
                .compose(rsp -> {
                    if (rsp.statusCode() / 100 != 2) {
                        return Future.failedFuture(K8sErrors.of(rsp, what));
                    }
                    try {
                        return Future.succeededFuture(rsp.bodyAsJsonObject());
                    } catch (RuntimeException e) {
                        return Future.failedFuture(
                                new DriverException(Kind.FAILED, false, what + ": answer is not a JSON object"));
                    }
                });
    }

    /** The bearer token: inline, or read from its file for every request (tokens rotate). */
    private Future<String> token() {
        if (config.token() != null) {
            return Future.succeededFuture(config.token());
        }
        return vertx.fileSystem()
                .readFile(config.tokenFile())
                .map(b -> b.toString().trim())
                .recover(err -> Future.failedFuture(DriverException.auth(
                        "cannot read the bearer token from " + config.tokenFile() + ": " + err.getMessage())));
    }

    private static Map<String, String> labelsOf(JsonObject node) {
        JsonObject labels = node == null
                ? null
                : node.getJsonObject("metadata", new JsonObject()).getJsonObject("labels");
        Map<String, String> result = new LinkedHashMap<>();
        if (labels != null) {
            labels.forEach(e -> result.put(e.getKey(), String.valueOf(e.getValue())));
        }
        return Map.copyOf(result);
    }

    private static DriverException refused(String why) {
        return new DriverException(Kind.REFUSED, false, "kubernetes: " + why);
    }
}
