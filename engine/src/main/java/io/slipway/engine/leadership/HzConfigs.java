package io.slipway.engine.leadership;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;

/** The embedded member's Hazelcast configuration, built from {@link ElectionConfig}. */
final class HzConfigs {
    private HzConfigs() {}

    static Config of(ElectionConfig e) {
        Config c = new Config();
        c.setClusterName(e.clusterName());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "slf4j");
        // The product stops the member itself, after it has handed the lease over.
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        // A frozen member must be dropped well within a lease, or calls to its partitions would stall.
        long seconds = Math.max(3, e.leaseMs() / 1000);
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(seconds));
        c.setProperty("hazelcast.operation.call.timeout.millis", Long.toString(Math.max(2_000, e.renewMs())));
        // After a partition or a freeze, the halves merge again within seconds, not the default minutes.
        c.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        c.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        if (e.address() != null) {
            c.setProperty("hazelcast.local.localAddress", e.address());
        }
        NetworkConfig n = c.getNetworkConfig().setPort(e.port()).setPortAutoIncrement(true);
        JoinConfig j = n.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        if (e.kubernetesDns() != null) {
            j.getKubernetesConfig().setEnabled(true).setProperty("service-dns", e.kubernetesDns());
        } else if (!e.members().isEmpty()) {
            j.getTcpIpConfig().setEnabled(true).setMembers(e.members());
        } else {
            // A cluster of one: with no joiner enabled the member starts at once as its own master,
            // instead of probing its port range and waiting out hazelcast.wait.seconds.before.join.
            j.getTcpIpConfig().setEnabled(false);
        }
        return c;
    }
}
