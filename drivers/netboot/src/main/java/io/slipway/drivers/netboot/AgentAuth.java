package io.slipway.drivers.netboot;

import io.vertx.core.Future;

/**
 * Checks an agent or installed-OS token: it must be known (by its SHA-256), unexpired, of the right
 * purpose, and bound to the node's current job while that job is live ({@code agent}: pending or
 * running; {@code os}: installed). Expiry slides while the token is used. Completes with the job, or
 * null when the caller must get 401.
 */
final class AgentAuth {
    private final JobControl jobs;
    private final NetbootConfig config;

    AgentAuth(JobControl jobs, NetbootConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    Future<Job> check(String header, String purpose) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 20) {
            return Future.succeededFuture();
        }
        String hash = Tokens.hash(header.substring(7).trim());
        return jobs.state().get(NetbootState.TOKEN, hash).compose(t -> {
            if (t == null || !purpose.equals(t.getString("purpose")) || t.getLong("expires", 0L) < jobs.now()) {
                return Future.succeededFuture();
            }
            String node = t.getString("node");
            return jobs.state().job(node).compose(j -> {
                boolean ok = j != null
                        && (purpose.equals("agent")
                                ? j.agentActive() && j.agentTokens().contains(hash)
                                : hash.equals(j.osToken()) && j.state().equals("installed"));
                if (!ok) {
                    return Future.succeededFuture();
                }
                long expires = t.getLong("expires");
                return expires - jobs.now() < config.tokenTtlMs() / 2
                        ? jobs.state()
                                .putToken(hash, node, purpose, jobs.now() + config.tokenTtlMs())
                                .map(j)
                        : Future.succeededFuture(j);
            });
        });
    }
}
