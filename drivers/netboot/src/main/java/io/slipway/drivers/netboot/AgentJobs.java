package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.node.Inventory;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * What the agent's calls do to jobs: hand out the next job (long poll), store the inventory, record
 * step reports (a failed step ends the job with the agent's output as the reason), {@code installed}
 * and {@code booted}. The deploy job's payload (image, root disk, seed) is rendered when handed out;
 * its {@code user-data} carries a fresh installed-OS token, stored hashed.
 */
final class AgentJobs {
    private static final Set<String> STEPS =
            Set.of("inventory", "inspect", "write-image", AgentFailures.VERIFY_STEP, "seed", "erase");
    private final NetbootConfig config;
    private final JobControl jobs;

    AgentJobs(NetbootConfig config, JobControl jobs) {
        this.config = config;
        this.jobs = jobs;
    }

    /** The job for the agent, at once when there is one, else {@code wait} at {@code deadline}. */
    Future<JsonObject> next(Job job, long deadline) {
        return jobs.seen(job).compose(v -> jobs.state().job(job.node())).compose(j -> {
            if (j == null || !j.agentActive()) {
                return Future.succeededFuture(new JsonObject().put("job", "wait"));
            }
            if (!j.kind().equals("standby")) {
                return hand(j);
            }
            long left = deadline - jobs.now();
            if (left <= 0) {
                return Future.succeededFuture(new JsonObject().put("job", "wait"));
            }
            return jobs.nextChange(j.node(), left).compose(x -> next(j, deadline));
        });
    }

    private Future<JsonObject> hand(Job j) {
        JsonObject answer = new JsonObject().put("job", j.kind()).put("id", j.id());
        if (!j.kind().equals("deploy")) {
            return jobs.state()
                    .update(
                            j.node(),
                            c -> c != null && c.id().equals(j.id()) && c.state().equals("pending")
                                    ? c.with("running")
                                    : c)
                    .map(answer);
        }
        return deployPayload(j, answer);
    }

    private Future<JsonObject> deployPayload(Job j, JsonObject answer) {
        String osToken = Tokens.newToken();
        String osHash = Tokens.hash(osToken);
        return jobs.state()
                .get(NetbootState.PLAN, j.node())
                .compose(plan -> jobs.state()
                        .get(NetbootState.BOOT_ACTIONS, j.node())
                        .compose(ba -> {
                            if (plan == null) {
                                return jobs.end(
                                                j.node(),
                                                j.id(),
                                                "failed",
                                                "no deploy plan stored for " + j.node(),
                                                true)
                                        .map(new JsonObject().put("job", "wait"));
                            }
                            JsonObject image = plan.getJsonObject("image");
                            Map<String, String> ids = new java.util.TreeMap<>();
                            JsonObject idJson =
                                    ba == null ? new JsonObject() : ba.getJsonObject("action_ids", new JsonObject());
                            idJson.forEach(e -> ids.put(e.getKey(), String.valueOf(e.getValue())));
                            String userData = UserData.render(
                                    plan.getString("cloud-config"),
                                    j.node(),
                                    config.baseUrl(),
                                    osToken,
                                    ba == null ? null : ba.getString("key"),
                                    ids);
                            answer.put(
                                            "image",
                                            new JsonObject()
                                                    .put("url", image.getString("url"))
                                                    .put("sha256", image.getString("sha256"))
                                                    .put("format", image.getString("format"))
                                                    .put("size", image.getLong("size")))
                                    .put("root_disk", plan.getString("root_disk"))
                                    .put(
                                            "seed",
                                            new JsonObject()
                                                    .put("meta-data", plan.getString("meta-data"))
                                                    .put("user-data", userData)
                                                    .put("network-config", plan.getString("network-config")));
                            JsonObject img = new JsonObject()
                                    .put("name", image.getString("name"))
                                    .put("sha256", image.getString("sha256"));
                            return jobs.state()
                                    .putToken(
                                            osHash,
                                            j.node(),
                                            "os",
                                            jobs.now() + config.tokenTtlMs() + config.bootedTimeoutMs())
                                    .compose(v -> jobs.state()
                                            .update(
                                                    j.node(),
                                                    c -> c != null && c.id().equals(j.id())
                                                            ? c.with("running").forDeploy(osHash, img)
                                                            : c))
                                    .map(answer);
                        }));
    }

    Future<JsonObject> inventory(Job job, Inventory inv) {
        return jobs.state()
                .put(NetbootState.INVENTORY, job.node(), inv.toJson())
                .map((JsonObject) null);
    }

    Future<JsonObject> status(Job job, JsonObject body) {
        String jobId = body.getString("job_id");
        String step = body.getString("step");
        String status = body.getString("status");
        if (!STEPS.contains(step) || status == null || !status.matches("running|success|failed")) {
            return Future.failedFuture(new IllegalArgumentException(
                    "step must be one of " + STEPS + " and status running, success or failed"));
        }
        String output = tail(body.getString("output", ""));
        JsonObject last = new JsonObject()
                .put("step", step)
                .put("status", status)
                .put("output", output)
                .put("at", jobs.now());
        if (jobId == null || !jobId.equals(job.id())) {
            return Future.failedFuture(
                    new IllegalArgumentException("job_id " + jobId + " is not the agent's current job"));
        }
        Future<Job> recorded =
                jobs.state().update(job.node(), c -> c != null && c.id().equals(job.id()) ? c.withStep(last) : c);
        return recorded.compose(c -> {
                    if (status.equals("failed")) {
                        return jobs.failAt(job.node(), job.id(), step, step + " failed: " + output);
                    }
                    if (status.equals("success") && job.kind().equals("inspect") && step.matches("inventory|inspect")) {
                        return jobs.state()
                                .get(NetbootState.INVENTORY, job.node())
                                .compose(inv -> inv == null
                                        ? jobs.end(
                                                job.node(),
                                                job.id(),
                                                "failed",
                                                "the agent reported inspect success without an inventory",
                                                true)
                                        : jobs.end(job.node(), job.id(), "succeeded", null, true));
                    }
                    if (status.equals("success") && job.kind().equals("erase") && step.equals("erase")) {
                        return jobs.end(job.node(), job.id(), "succeeded", null, true);
                    }
                    jobs.changed(job.node());
                    return Future.<Void>succeededFuture();
                })
                .map((JsonObject) null);
    }

    Future<JsonObject> installed(Job job, JsonObject body) {
        if (!job.kind().equals("deploy") || !body.getString("job_id", "").equals(job.id())) {
            return Future.failedFuture(new IllegalArgumentException(
                    "job_id " + body.getString("job_id") + " is not the agent's current deploy job"));
        }
        String sha = body.getString("sha256", "");
        String expected = job.image() == null ? null : job.image().getString("sha256");
        if (expected != null && !expected.equalsIgnoreCase(sha)) {
            return jobs.end(
                            job.node(),
                            job.id(),
                            "failed",
                            "installed reported sha256 " + sha + ", expected " + expected,
                            true)
                    .map((JsonObject) null);
        }
        return jobs.end(job.node(), job.id(), "installed", null, false).map((JsonObject) null);
    }

    Future<JsonObject> booted(Job job, JsonObject body) {
        JsonObject record = new JsonObject()
                .put("image", job.image())
                .put("job", job.id())
                .put("hostname", body.getString("hostname"))
                .put("addresses", body.getJsonArray("addresses"))
                .put("boot_actions", body.getJsonObject("boot_actions"))
                .put("at", jobs.now());
        return jobs.state()
                .get(NetbootState.PLAN, job.node())
                .compose(plan -> jobs.state()
                        .put(
                                NetbootState.DEPLOYED,
                                job.node(),
                                record.put("design_revision", plan == null ? null : plan.getLong("design_revision"))))
                .compose(v -> jobs.end(job.node(), job.id(), "succeeded", null, false))
                .map((JsonObject) null);
    }

    private static String tail(String s) {
        return s.length() <= 4096 ? s : s.substring(s.length() - 4096);
    }
}
