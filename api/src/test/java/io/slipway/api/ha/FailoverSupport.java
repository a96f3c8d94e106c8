package io.slipway.api.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.store.DatabaseEndpoint;
import io.slipway.store.testing.PostgresExtension;
import io.slipway.store.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Instances in separate JVMs (the packaged jar) on loopback, sharing one Postgres: the leader is
 * disabled in the middle of a lab deploy, and a standby must take over and finish it without the
 * old leader acting under a superseded epoch. Each subclass gets a database of its own.
 */
@ExtendWith(PostgresExtension.class)
abstract class FailoverSupport {
    private static final Pattern TOKEN = Pattern.compile("new admin token \\(shown once\\): (\\S+)");
    private static final Pattern LEADING =
            Pattern.compile("^(\\S+) INFO .*leading with fencing epoch (\\d+)", Pattern.MULTILINE);
    final List<Instance> instances = new ArrayList<>();
    private Path dir;

    @org.junit.jupiter.api.BeforeEach
    void directory(org.junit.jupiter.api.TestInfo test) throws Exception {
        // Kept under target/ so the instances' logs can be read after a failure.
        dir = Files.createDirectories(Path.of(
                        "target",
                        "failover",
                        test.getTestMethod().orElseThrow().getName() + "-" + System.currentTimeMillis())
                .toAbsolutePath());
    }

    @AfterEach
    void stopAll() throws Exception {
        for (Instance i : instances) {
            i.close();
        }
    }

    /** Starts n instances and returns the admin token the first one issued. */
    String cluster(TestDatabase db, int n) throws Exception {
        DatabaseEndpoint e = db.endpoint();
        String auth = e.user() + (e.password() == null ? "" : ":" + e.password());
        String url = "postgresql://" + auth + "@" + e.host() + ":" + e.port() + "/" + e.database();
        Path jar = Path.of("target", "slipway.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is built by the package phase");
        int[] ports = new int[n];
        int[] cluster = new int[n];
        List<String> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ports[i] = freePort();
            cluster[i] = freePort();
            members.add("127.0.0.1:" + cluster[i]);
        }
        Path tokens = dir.resolve("tokens.yaml");
        String token = null;
        for (int i = 0; i < n; i++) {
            Instance inst =
                    Instance.start("i" + i, jar, dir, ports[i], cluster[i], String.join(",", members), url, tokens);
            instances.add(inst);
            if (i == 0) {
                waitFor(() -> TOKEN.matcher(inst.output()).find(), 90, "the first instance to serve");
                Matcher m = TOKEN.matcher(inst.output());
                m.find();
                token = m.group(1);
            }
        }
        String t = token;
        for (Instance i : instances) {
            waitFor(
                    () -> i.health(t) != null
                            && i.health(t).getJsonArray("members").size() == n,
                    90,
                    i.name + " to join");
        }
        return token;
    }

    Instance leader(String token, int seconds) throws Exception {
        Instance[] found = new Instance[1];
        waitFor(
                () -> {
                    for (Instance i : instances) {
                        JsonObject h = i.process.isAlive() ? i.health(token) : null;
                        if (h != null && "leader".equals(h.getString("role"))) {
                            found[0] = i;
                            return true;
                        }
                    }
                    return false;
                },
                seconds,
                "a leader");
        return found[0];
    }

    static String deploy(Instance via, String token) throws Exception {
        String site = Files.readString(Path.of("..", "site-examples", "lab-site.yaml"));
        JsonObject rev =
                new JsonObject(via.send("POST", "/api/v1.0/designs?name=lab-site.yaml", token, "application/yaml", site)
                        .body());
        var r = via.send(
                "POST",
                "/api/v1.0/tasks",
                token,
                "application/json",
                new JsonObject()
                        .put("action", "deploy_nodes")
                        .put("design_ref", rev.getString("design_ref"))
                        .encode());
        assertEquals(201, r.statusCode(), r.body());
        return new JsonObject(r.body()).getString("task_id");
    }

    /** Waits until some node is past enrolment and some is not yet deployed. */
    static void awaitMidDeploy(Instance via, String token) throws Exception {
        waitFor(
                () -> {
                    JsonArray nodes = via.nodes(token);
                    long deployed = nodes.stream()
                            .filter(n -> "deployed".equals(((JsonObject) n).getString("state")))
                            .count();
                    long moving = nodes.stream()
                            .filter(n -> !Set.of("enrolled", "deployed").contains(((JsonObject) n).getString("state")))
                            .count();
                    return moving > 0 && deployed < nodes.size();
                },
                60,
                "the deploy to be under way");
    }

    static void assertEverythingDeployed(Instance via, String token, String task) throws Exception {
        JsonObject[] t = new JsonObject[1];
        waitFor(
                () -> {
                    t[0] = new JsonObject(via.send("GET", "/api/v1.0/tasks/" + task, token, null, null)
                            .body());
                    return "complete".equals(t[0].getString("status"));
                },
                120,
                "the deploy task to complete");
        JsonArray nodes = via.nodes(token);
        Set<String> names = new TreeSet<>();
        for (Object o : nodes) {
            JsonObject n = (JsonObject) o;
            assertEquals("deployed", n.getString("state"), n.encode());
            names.add(n.getString("hostname"));
        }
        assertEquals(12, names.size());
        assertEquals("success", t[0].getJsonObject("result").getString("status"), t[0].encode());
        assertEquals(
                names,
                new TreeSet<>(
                        t[0].getJsonObject("result").getJsonArray("successes").getList()),
                "every node's result is recorded on the task");
    }

    /** The old leader issued no driver action at or after the moment the new leader took its epoch. */
    static void assertNoActionsAfterTakeover(Instance old, Instance next) throws Exception {
        Matcher m = LEADING.matcher(next.output());
        assertTrue(m.find(), "the new leader logged its epoch");
        Instant took = Instant.parse(m.group(1).replace("+0000", "Z"));
        long epoch = Long.parseLong(m.group(2));
        List<Map<String, String>> late = old.actions().stream()
                // An action under a later epoch would be legitimate: the old leader may win again after the takeover.
                .filter(a -> !Instant.parse(a.get("ts").replace("+0000", "Z")).isBefore(took)
                                && Long.parseLong(a.get("epoch")) < epoch
                        || Long.parseLong(a.get("epoch")) == epoch)
                .toList();
        assertTrue(late.isEmpty(), "actions of the old leader after epoch " + epoch + ": " + late);
        assertTrue(
                next.actions().stream().anyMatch(a -> Long.parseLong(a.get("epoch")) == epoch), "the new leader acted");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check check, int seconds, String what) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (java.io.IOException | RuntimeException e) {
                // not answering yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
    }
}
