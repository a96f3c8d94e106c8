package io.slipway.api.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.store.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Two instances; the leader gets SIGSTOP mid-deploy, stays frozen past its lease, then resumes. */
class FrozenLeaderIT extends FailoverSupport {

    @Test
    void aFrozenLeaderIsFencedWhenItWakesUp(TestDatabase db) throws Exception {
        String token = cluster(db, 2);
        Instance leader = leader(token, 60);
        Instance other = instances.stream().filter(i -> i != leader).findFirst().orElseThrow();
        String task = deploy(other, token);
        awaitMidDeploy(other, token);
        leader.signal("STOP");
        long frozenAt = System.nanoTime();
        Instance next = leader(token, 30);
        assertEquals(other, next);
        double failover = (System.nanoTime() - frozenAt) / 1e9;
        Thread.sleep(2_000);
        leader.signal("CONT");
        assertEverythingDeployed(next, token, task);
        // Once awake, the old leader learns it lost the lease and stands by; whatever it had in flight was written
        // under the old epoch and refused.
        waitFor(() -> leader.output().contains("is now standby"), 30, "the frozen leader to stand by");
        JsonObject h = leader.health(token);
        assertNotNull(h, "the old leader serves the API again");
        assertTrue(h.getLong("epoch") > 1, h.encode());
        assertTrue(h.getBoolean("simulated"), "serve --simulate says so: " + h.encode());
        assertNoActionsAfterTakeover(leader, next);
        assertLateWritesAreRefused(db, leader);
        System.out.printf("failover after SIGSTOP: %.1f s%n", failover);
    }

    /**
     * Whatever the woken leader still had in flight is written under its old epoch. Whether such a
     * write happens depends on where the freeze caught it (its log says so when it does), so the
     * same write is also made here, under that epoch, and must be refused.
     */
    private static void assertLateWritesAreRefused(TestDatabase db, Instance old) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("leading with fencing epoch (\\d+)")
                .matcher(old.output());
        assertTrue(m.find(), "the old leader logged its epoch");
        io.slipway.store.Fence stale = io.slipway.store.Fence.of(Long.parseLong(m.group(1)));
        var node = db.store()
                .nodes()
                .list()
                .toCompletionStage()
                .toCompletableFuture()
                .get()
                .get(0);
        var write = db.store().nodes().save(node, stale).toCompletionStage().toCompletableFuture();
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, write::get);
        assertTrue(
                e.getCause() instanceof io.slipway.store.StoreException se
                        && se.kind() == io.slipway.store.StoreException.Kind.FENCED,
                String.valueOf(e.getCause()));
        System.out.println("the woken leader's own late writes were refused: "
                + old.output().contains("a newer leader holds the site"));
    }
}
