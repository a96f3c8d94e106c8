package io.slipway.engine.leadership;

import java.util.List;

/**
 * Cluster and lease settings.
 *
 * @param clusterName members only join a cluster of the same name
 * @param port the Hazelcast member port (the next free one is taken when busy)
 * @param address the address this member binds to and announces, or null to pick an interface
 * @param members {@code host[:port]} to join over TCP/IP; empty: a cluster of one (unless kubernetesDns)
 * @param kubernetesDns a headless service name resolving to the members' pods, or null
 * @param leaseMs how long a lease lasts without renewal; a dead leader is replaced after about this long
 * @param renewMs how often the leader renews its lease (well below leaseMs)
 * @param claimMs how often a standby tries to take a free lease
 */
public record ElectionConfig(
        String clusterName,
        int port,
        String address,
        List<String> members,
        String kubernetesDns,
        long leaseMs,
        long renewMs,
        long claimMs) {

    public ElectionConfig {
        if (renewMs <= 0 || leaseMs < 2 * renewMs) {
            throw new IllegalArgumentException(
                    "lease-ms (" + leaseMs + ") must be at least twice renew-ms (" + renewMs + ")");
        }
        if (claimMs <= 0) {
            throw new IllegalArgumentException("claim-ms must be positive, not " + claimMs);
        }
        members = List.copyOf(members);
    }

    /** A cluster of one on the loopback interface: the default of a single instance. */
    public static ElectionConfig single() {
        return new ElectionConfig("slipway", 5701, "127.0.0.1", List.of(), null, 10_000, 2_000, 1_000);
    }
}
