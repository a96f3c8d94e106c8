package io.slipway.drivers.netboot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's current agent job, persisted as JSON (scope {@code netboot/job}, key = node). Immutable;
 * every change makes a new value.
 *
 * @param kind {@code standby} (agent running, nothing to do), {@code inspect}, {@code deploy}, {@code erase}
 * @param state {@code pending} (not yet taken by an agent), {@code running}, {@code installed} (deploy: the
 *     image is written, the OS has not called in), {@code succeeded}, {@code failed}
 * @param agentTokens hashes of the agent tokens bound to this job
 * @param osToken hash of the installed OS's token (deploy only), or null
 * @param bootServedAt when the agent kernel was last handed to the node's iPXE (epoch ms), 0 = never
 * @param agentSeenAt when an agent of this job last called (epoch ms), 0 = never
 * @param error the agent's reason when failed
 * @param image {@code name, sha256} of a deploy job
 * @param lastStep the last status report: {@code step, status, output}
 */
record Job(
        String id,
        String node,
        String kind,
        String state,
        long created,
        List<String> agentTokens,
        String osToken,
        long bootServedAt,
        long agentSeenAt,
        String error,
        JsonObject image,
        JsonObject lastStep) {

    static Job create(String node, String kind, long now) {
        return new Job(Tokens.newId(), node, kind, "pending", now, List.of(), null, 0, 0, null, null, null);
    }

    boolean ended() {
        return state.equals("succeeded") || state.equals("failed");
    }

    /** The agent may take work from this job (it has not reached installed or an end). */
    boolean agentActive() {
        return state.equals("pending") || state.equals("running");
    }

    Job with(String newState) {
        return new Job(
                id,
                node,
                kind,
                newState,
                created,
                agentTokens,
                osToken,
                bootServedAt,
                agentSeenAt,
                error,
                image,
                lastStep);
    }

    Job failed(String why) {
        return new Job(
                id,
                node,
                kind,
                "failed",
                created,
                agentTokens,
                osToken,
                bootServedAt,
                agentSeenAt,
                why,
                image,
                lastStep);
    }

    Job withAgentToken(String hash) {
        List<String> t = new ArrayList<>(agentTokens);
        t.add(hash);
        return new Job(id, node, kind, state, created, t, osToken, bootServedAt, agentSeenAt, error, image, lastStep);
    }

    Job withBootServed(long at) {
        return new Job(id, node, kind, state, created, agentTokens, osToken, at, agentSeenAt, error, image, lastStep);
    }

    Job withAgentSeen(long at) {
        return new Job(id, node, kind, state, created, agentTokens, osToken, bootServedAt, at, error, image, lastStep);
    }

    Job withStep(JsonObject step) {
        return new Job(
                id, node, kind, state, created, agentTokens, osToken, bootServedAt, agentSeenAt, error, image, step);
    }

    /** The same agent (its tokens, its last call) on a new job of {@code newKind}. */
    Job handOver(String newKind, long now) {
        return new Job(
                Tokens.newId(),
                node,
                newKind,
                newKind.equals("standby") ? "running" : "pending",
                now,
                agentTokens,
                null,
                bootServedAt,
                agentSeenAt,
                null,
                null,
                null);
    }

    Job forDeploy(String osTokenHash, JsonObject img) {
        return new Job(
                id,
                node,
                kind,
                state,
                created,
                agentTokens,
                osTokenHash,
                bootServedAt,
                agentSeenAt,
                error,
                img,
                lastStep);
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("node", node)
                .put("kind", kind)
                .put("state", state)
                .put("created", created)
                .put("agent_tokens", new JsonArray(new ArrayList<>(agentTokens)))
                .put("os_token", osToken)
                .put("boot_served_at", bootServedAt)
                .put("agent_seen_at", agentSeenAt)
                .put("error", error)
                .put("image", image)
                .put("last_step", lastStep);
    }

    static Job fromJson(JsonObject o) {
        List<String> tokens = new ArrayList<>();
        o.getJsonArray("agent_tokens", new JsonArray()).forEach(t -> tokens.add((String) t));
        return new Job(
                o.getString("id"),
                o.getString("node"),
                o.getString("kind"),
                o.getString("state"),
                o.getLong("created", 0L),
                tokens,
                o.getString("os_token"),
                o.getLong("boot_served_at", 0L),
                o.getLong("agent_seen_at", 0L),
                o.getString("error"),
                o.getJsonObject("image"),
                o.getJsonObject("last_step"));
    }
}
