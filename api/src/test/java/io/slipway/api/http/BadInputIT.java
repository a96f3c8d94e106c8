package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.engine.fetch.FetchPolicy;
import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Malformed requests of every kind get a 4xx naming the problem: never a 500, a stack trace or SQL. */
@ExtendWith(PostgresExtension.class)
class BadInputIT {
    record Bad(HttpMethod method, String path, String type, String body, String names) {
        Bad(HttpMethod method, String path, String type, String body) {
            this(method, path, type, body, null);
        }
    }

    static List<Bad> requests() {
        List<Bad> r = new ArrayList<>();
        String json = "application/json";
        for (String body : List.of(
                "",
                "{",
                "[]",
                "null",
                "42",
                "\"x\"",
                "{\"action\":1}",
                "{\"action\":\"fly\",\"design_ref\":\"revision:1\"}",
                "{\"action\":\"deploy_nodes\"}",
                "{\"action\":\"deploy_nodes\",\"design_ref\":5}",
                "{\"action\":\"deploy_nodes\",\"design_ref\":\"revision:999999\"}",
                "{\"action\":\"deploy_nodes\",\"design_ref\":\"file:///etc/passwd\"}",
                "{\"action\":\"deploy_nodes\",\"design_ref\":\"/etc/passwd\"}",
                "{\"action\":\"deploy_nodes\",\"design_ref\":\"http://127.0.0.1:9/x\"}",
                "{\"action\":\"deploy_nodes\",\"design_ref\":\"gopher://x\"}",
                "{\"action\":\"deploy_nodes\",\"design_ref\":\"revision:1\",\"node_filter\":[]}",
                "{\"action\":\"deploy_nodes\",\"design_ref\":\"revision:1\",\"node_filter\":{\"filter_set_type\":\"xor\",\"filter_set\":[]}}",
                "{\"action\":\"deploy_nodes\",\"design_ref\":\"revision:1\",\"node_filter\":{\"filter_set_type\":\"union\",\"filter_set\":[{\"filter_type\":\"union\",\"node_names\":\"ctl01\"}]}}",
                "{\"action\":\"deploy_nodes\",\"design_ref\":\"revision:1\",\"node_filter\":{\"filter_set_type\":\"union\",\"filter_set\":[{\"filter_type\":\"union\",\"bogus\":[]}]}}",
                "{\"action\":\"deploy_nodes\",\"design_ref\":\"revision:1\",\"node_filter\":{\"filter_set_type\":\"union\",\"filter_set\":[7]}}")) {
            r.add(new Bad(HttpMethod.POST, "/api/v1.0/tasks", json, body));
        }
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/tasks", "text/plain", "action=deploy_nodes"));
        r.add(new Bad(
                HttpMethod.POST, "/api/v1.0/tasks", json, "{\"action\":\"" + "x".repeat(20 * 1024 * 1024) + "\"}"));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/tasks/not-a-uuid", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/tasks/00000000-0000-0000-0000-000000000000", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/tasks/00000000-0000-0000-0000-000000000000/builddata", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/tasks?limit=abc", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/tasks?limit=-5", null, null));
        r.add(new Bad(HttpMethod.DELETE, "/api/v1.0/tasks?days=lots", null, null));
        r.add(new Bad(HttpMethod.DELETE, "/api/v1.0/tasks?days=-1", null, null));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/validatedesign", json, "{}"));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/validatedesign", json, "{\"href\":null}"));
        r.add(new Bad(
                HttpMethod.POST, "/api/v1.0/validatedesign", json, "{\"href\":\"http://127.0.0.1:9/site.yaml\"}"));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/validatedesign", "application/yaml", "href: x"));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/nodefilter", json, "{}"));
        r.add(new Bad(
                HttpMethod.POST,
                "/api/v1.0/nodefilter",
                json,
                "{\"design_ref\":\"revision:1\",\"node_filter\":\"all\"}"));
        r.add(new Bad(
                HttpMethod.POST,
                "/api/v1.0/designs",
                "application/yaml",
                "---\nschema: drydock/Network/v1\nmetadata: [oops\n"));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/designs", "application/yaml", ""));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/designs", "application/octet-stream", "xx"));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/designs/abc", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/designs/987654", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/nodes/..%2F..%2Fetc%2Fpasswd", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/nodes/%2e%2e/explain", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/nodes/no-such-node", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/nodes/no-such-node/explain", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/nodes/no-such-node/builddata", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/nodes/a_b/timeline?after=x", null, null));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/plan", json, "{\"action\":\"verify_site\"}"));
        r.add(new Bad(
                HttpMethod.POST,
                "/api/v1.0/plan",
                json,
                "{\"action\":\"deploy_nodes\",\"design_ref\":\"revision:424242\"}"));
        // Checked against the OpenAPI contract; the design diff, metrics and the document itself.
        String action = "/api/v1.0/bootactions/00000000-0000-0000-0000-000000000000";
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/designs/abc/diff/1", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/designs/0/diff/1", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/designs/1/diff/-3", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/designs/987654/diff/987655", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/designs/99999999999999999999/diff/1", null, null));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/designs/1/diff/2", json, "{}"));
        r.add(new Bad(HttpMethod.POST, "/metrics", json, "{}"));
        r.add(new Bad(HttpMethod.DELETE, "/api/v1.0/openapi.yaml", null, null));
        r.add(new Bad(
                HttpMethod.GET, "/api/v1.0/tasks/00000000-0000-0000-0000-000000000000?builddata=maybe", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/tasks/00000000-0000-0000-0000-000000000000?layers=deep", null, null));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/designs?limit=0", null, null));
        r.add(new Bad(HttpMethod.POST, action, json, "{\"status\":5}"));
        r.add(new Bad(HttpMethod.POST, action, json, "{\"status\":\"success\",\"extra\":1}"));
        r.add(new Bad(HttpMethod.POST, action, json, "{\"details\":\"x\"}"));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/nodefilter", json, "{\"design_ref\":\"\"}"));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/plan", "application/yaml", "action: deploy_nodes"));
        r.add(new Bad(HttpMethod.PUT, "/api/v1.0/tasks", json, "{}"));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/nothing-here", null, null));
        return r;
    }

    /** NUL bytes, duplicate keys, comments, unknown fields, long scalars, methods and media types. */
    static List<Bad> hygiene() {
        List<Bad> r = new ArrayList<>();
        String json = "application/json";
        String yamlNul = "---\nschema: drydock/Network/v1\nmetadata: {name: n\u0000ul}\ndata: {cidr: 10.0.0.0/24}\n";
        String longScalar = "---\nschema: drydock/Network/v1\nmetadata: {name: long}\ndata:\n  notes: "
                + "y".repeat(3_900_000) + "\n";
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/designs", "application/yaml", yamlNul, "NUL"));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/designs", "application/yaml", longScalar, "without a space"));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/designs", "application/yaml", "- just\n- a list\n", "not a mapping"));
        r.add(new Bad(
                HttpMethod.POST, "/api/v1.0/designs", "application/yaml", "{\"json\": true}", "no drydock/* document"));
        r.add(new Bad(HttpMethod.POST, "/api/v1.0/designs?name=a%00b", "application/yaml", "x: 1", "NUL"));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/nodes/a%00b", null, null, "NUL"));
        r.add(new Bad(HttpMethod.GET, "/api/v1.0/tasks?status=%00", null, null, "NUL"));
        String[][] routes = {
            {"/api/v1.0/tasks", "design_ref", "\"action\":\"deploy_nodes\","},
            {"/api/v1.0/validatedesign", "href", ""},
            {"/api/v1.0/nodefilter", "design_ref", ""},
            {"/api/v1.0/designs", "href", ""},
            {"/api/v1.0/plan", "design_ref", "\"action\":\"deploy_nodes\","}
        };
        for (String[] route : routes) {
            String ref = route[1];
            String pre = route[2];
            r.add(new Bad(
                    HttpMethod.POST,
                    route[0],
                    json,
                    "{" + pre + "\"" + ref + "\":\"revision:1\",\"" + ref + "\":\"revision:2\"}",
                    "duplicate key '" + ref + "'"));
            r.add(new Bad(
                    HttpMethod.POST,
                    route[0],
                    json,
                    "{" + pre + "/* why */\"" + ref + "\":\"revision:1\"}",
                    "comments"));
            r.add(new Bad(
                    HttpMethod.POST,
                    route[0],
                    json,
                    "{" + pre + "\"" + ref + "\":\"revision:1\",\"surprise\":1}",
                    "surprise"));
            r.add(new Bad(HttpMethod.POST, route[0], json, "{" + pre + "\"" + ref + "\":\"revision:\\u00001\"}", ref));
            r.add(new Bad(
                    HttpMethod.POST,
                    route[0],
                    json,
                    "{" + pre + "\"" + ref + "\":\"revision:1\"} {}",
                    "after its JSON object"));
            r.add(new Bad(
                    HttpMethod.POST,
                    route[0],
                    json,
                    "{" + pre + "\"" + ref + "\":" + "[".repeat(100) + "]".repeat(100) + "}",
                    "nested"));
            r.add(new Bad(HttpMethod.POST, route[0], "application/xml", "<x/>", "application/json"));
            r.add(new Bad(HttpMethod.PUT, route[0], json, "{}", "not allowed"));
            r.add(new Bad(
                    HttpMethod.POST,
                    route[0],
                    json,
                    "{" + pre + "\"" + ref + "\":\"http://u:p@127.0.0.1:9/x\"}",
                    "user:password@"));
        }
        r.add(new Bad(HttpMethod.DELETE, "/api/v1.0/designs", null, null, "not allowed"));
        r.add(new Bad(HttpMethod.PATCH, "/api/v1.0/nodes", null, null, "not allowed"));
        return r;
    }

    /** References to a loopback design server that misbehaves in every way, listed as an allowed source. */
    static List<Bad> hostileServer(String base) {
        List<Bad> r = new ArrayList<>();
        String[][] cases = {
            {"/trickle", "no complete answer"},
            {"/hop", "redirects are not followed"},
            {"/away", "redirects are not followed"},
            {"/nul.yaml", "NUL"},
            {"/json", "no drydock/* document"},
            {"/empty", "empty"},
            {"/list.yaml", "not a mapping"},
            {"/long.yaml", "without a space"},
            {"/missing", "HTTP 404"},
            {"/broken.yaml", "not valid YAML"}
        };
        for (String[] c : cases) {
            String url = base + c[0];
            r.add(new Bad(
                    HttpMethod.POST,
                    "/api/v1.0/validatedesign",
                    "application/json",
                    "{\"href\":\"" + url + "\"}",
                    c[1]));
            r.add(new Bad(
                    HttpMethod.POST,
                    "/api/v1.0/nodefilter",
                    "application/json",
                    "{\"design_ref\":\"" + url + "\"}",
                    c[1]));
            r.add(new Bad(
                    HttpMethod.POST, "/api/v1.0/designs", "application/json", "{\"href\":\"" + url + "\"}", c[1]));
            r.add(new Bad(
                    HttpMethod.POST,
                    "/api/v1.0/tasks",
                    "application/json",
                    "{\"action\":\"verify_nodes\",\"design_ref\":\"" + url + "\"}",
                    c[1]));
            r.add(new Bad(
                    HttpMethod.POST,
                    "/api/v1.0/plan",
                    "application/json",
                    "{\"action\":\"deploy_nodes\",\"design_ref\":\"deckhand+" + url + "\"}",
                    c[1]));
        }
        return r;
    }

    @Test
    void malformedRequestsNeverGetA500(StoreHandle store) throws Exception {
        HttpServer designs = HostileDesignServer.start();
        String base = "http://127.0.0.1:" + designs.getAddress().getPort();
        FetchPolicy fetch = FetchPolicy.fromJson(new JsonObject()
                .put("deadline_seconds", 2)
                .put("sources", new JsonArray().add(new JsonObject().put("url", base + "/"))));
        try (ApiHarness h = new ApiHarness(store, LabNodeConfig.instant(), HttpLimits.defaults(), fetch)) {
            assertThat(result(h.http.post(h.server.port(), "127.0.0.1", "/api/v1.0/designs")
                                    .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN)
                                    .putHeader("Content-Type", "application/yaml")
                                    .sendBuffer(Buffer.buffer(h.labSite())))
                            .statusCode())
                    .isEqualTo(201);
            List<Bad> all = new ArrayList<>(requests());
            all.addAll(hygiene());
            all.addAll(hostileServer(base));
            assertThat(all.size()).isGreaterThanOrEqualTo(150);
            for (Bad b : all) {
                var req = h.http.request(b.method(), h.server.port(), "127.0.0.1", b.path())
                        .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN);
                if (b.type() != null) {
                    req.putHeader("Content-Type", b.type());
                }
                HttpResponse<Buffer> resp =
                        result(b.body() == null ? req.send() : req.sendBuffer(Buffer.buffer(b.body())));
                String shown = b.method() + " " + b.path() + " "
                        + (b.body() == null
                                ? ""
                                : b.body().substring(0, Math.min(80, b.body().length())));
                assertThat(resp.statusCode())
                        .as(shown + " -> " + resp.bodyAsString())
                        .isBetween(400, 499);
                String body = resp.bodyAsString() == null ? "" : resp.bodyAsString();
                assertThat(body).as(shown).doesNotContain("Exception", "at io.", "SELECT", "INSERT");
                assertThat(resp.getHeader("X-Slipway-Req")).as(shown).isNotBlank();
                if (b.names() != null) {
                    assertThat(body).as(shown + " names the problem").contains(b.names());
                }
            }
            System.out.printf("bad-input requests: %d, none answered 5xx%n", all.size());
        } finally {
            designs.stop(0);
        }
    }
}
