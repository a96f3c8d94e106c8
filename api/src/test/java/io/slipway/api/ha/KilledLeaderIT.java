package io.slipway.api.ha;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Three instances; the leader gets SIGKILL mid-deploy. */
class KilledLeaderIT extends FailoverSupport {

    @Test
    void aKilledLeaderIsReplacedAndTheDeployFinishes(TestDatabase db) throws Exception {
        String token = cluster(db, 3);
        Instance leader = leader(token, 60);
        Instance entry = instances.stream().filter(i -> i != leader).findFirst().orElseThrow();
        String task = deploy(entry, token);
        awaitMidDeploy(entry, token);
        long killedAt = System.nanoTime();
        leader.process.destroyForcibly().waitFor();
        Instance next = leader(token, 30);
        double failover = (System.nanoTime() - killedAt) / 1e9;
        assertTrue(failover <= 15, "a standby led after " + failover + " s");
        assertEverythingDeployed(next, token, task);
        assertNoActionsAfterTakeover(leader, next);
        System.out.printf("failover after kill -9: %.1f s%n", failover);
    }
}
