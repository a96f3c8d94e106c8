package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Job transitions shared by the engine-facing driver and the agent API: arming a job, ending it (the
 * agent stays resident on a {@code standby} job after inspect and erase), waiting for an outcome, and
 * whether a node's agent is resident. Outcomes are kept per job id ({@code netboot/result}), so a waiter
 * still learns how a job ended after it was replaced. Use from the driver's context only.
 */
final class JobControl {
    static final String RESULT = "netboot/result";
    /** The key of a failed job's outcome naming the agent step that failed (absent otherwise). */
    static final String FAILED_STEP = "failed_step";

    private static final long SEEN_PERSIST_MS = 15_000;
    private final NetbootState state;
    private final Waiters waiters;
    private final Clock clock;
    private final NetbootConfig config;
    private final Map<String, Long> lastSeen = new HashMap<>();

    JobControl(NetbootState state, Waiters waiters, Clock clock, NetbootConfig config) {
        this.state = state;
        this.waiters = waiters;
        this.clock = clock;
        this.config = config;
    }

    long now() {
        return clock.millis();
    }

    NetbootState state() {
        return state;
    }

    /**
     * Makes a job of {@code kind} current: the current one when it is of that kind and not over; the
     * resident agent handed over from {@code standby}; else a new pending job for the next network boot.
     */
    Future<Job> arm(String node, String kind) {
        return state.update(node, current -> {
                    if (current != null && current.kind().equals(kind) && current.agentActive()) {
                        return current;
                    }
                    if (current != null && current.kind().equals("standby") && current.agentActive()) {
                        return current.handOver(kind, now());
                    }
                    return Job.create(node, kind, now());
                })
                .onSuccess(j -> waiters.changed(node));
    }

    /** Ends job {@code jobId} with {@code outcome}; the agent stays on a standby job when {@code keepAgent}. */
    Future<Void> end(String node, String jobId, String outcome, String error, boolean keepAgent) {
        return end(node, jobId, outcome, error, null, keepAgent);
    }

    /** Ends job {@code jobId} as failed at the agent's {@code step}; the agent stays, on a standby job. */
    Future<Void> failAt(String node, String jobId, String step, String error) {
        return end(node, jobId, "failed", error, step, true);
    }

    private Future<Void> end(String node, String jobId, String outcome, String error, String step, boolean keepAgent) {
        JsonObject result = new JsonObject()
                .put("node", node)
                .put("state", outcome)
                .put("error", error)
                .put(FAILED_STEP, step)
                .put("at", now());
        return state.put(RESULT, jobId, result)
                .compose(v -> state.update(node, current -> {
                    if (current == null || !current.id().equals(jobId)) {
                        return current;
                    }
                    if (outcome.equals("installed")) {
                        return current.with("installed");
                    }
                    return keepAgent ? current.handOver("standby", now()) : null;
                }))
                .<Void>mapEmpty()
                .onSuccess(v -> waiters.changed(node));
    }

    /**
     * Waits until job {@code jobId} reaches one of {@code outcomes} ({@code installed}, {@code succeeded},
     * {@code failed}) and completes with it; fails with {@code TIMEOUT} at {@code deadline}, saying how far
     * the node got.
     */
    Future<JsonObject> await(String node, String jobId, Set<String> outcomes, long deadline, String what) {
        return state.get(RESULT, jobId).compose(r -> {
            if (r != null && outcomes.contains(r.getString("state"))) {
                return Future.succeededFuture(r);
            }
            long left = deadline - now();
            if (left <= 0) {
                return state.job(node)
                        .compose(j -> Future.failedFuture(DriverException.timeout(
                                what + " on " + node + " did not finish in time: " + progress(j, jobId))));
            }
            return waiters.next(node, Math.min(left, 5_000)).compose(v -> await(node, jobId, outcomes, deadline, what));
        });
    }

    private String progress(Job j, String jobId) {
        if (j == null || !j.id().equals(jobId)) {
            return "the job was replaced";
        }
        if (j.bootServedAt() == 0) {
            return "the node never asked for its boot script (GET " + config.baseUrl()
                    + "/boot/ipxe/<mac>): is it PXE-booting" + " and does its DHCP point it at the boot listener?";
        }
        if (j.agentSeenAt() == 0 && seen(j.node()) == 0) {
            return "the agent kernel was served but the agent never called in (check the node's console)";
        }
        return "the agent last reported "
                + (j.lastStep() == null ? "nothing" : j.lastStep().encode());
    }

    /** Records an agent call; persists it at most every 15 s (residency survives a restart). */
    Future<Void> seen(Job job) {
        long t = now();
        Long before = lastSeen.put(job.node(), t);
        if (before != null && t - Math.max(before, job.agentSeenAt()) < SEEN_PERSIST_MS && job.agentSeenAt() != 0) {
            return Future.succeededFuture();
        }
        return state.update(job.node(), cur -> cur != null && cur.id().equals(job.id()) ? cur.withAgentSeen(t) : cur)
                .mapEmpty();
    }

    long seen(String node) {
        return lastSeen.getOrDefault(node, 0L);
    }

    /** The agent runs on the node and polls: it is on a standby job and called within the resident window. */
    boolean resident(Job j) {
        if (j == null || !j.kind().equals("standby") || !j.agentActive()) {
            return false;
        }
        long last = Math.max(seen(j.node()), j.agentSeenAt());
        return last > 0 && now() - last <= config.residentWindowMs();
    }

    void changed(String node) {
        waiters.changed(node);
    }

    Future<Void> nextChange(String node, long maxMs) {
        return waiters.next(node, maxMs);
    }
}
