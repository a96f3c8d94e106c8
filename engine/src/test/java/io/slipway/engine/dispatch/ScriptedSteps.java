package io.slipway.engine.dispatch;

import io.slipway.engine.lifecycle.Step;
import io.slipway.engine.site.SiteModel;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link StepExecutor} whose steps end when the test says so: every call is recorded as {@code
 * node:step} and stays running until {@link #succeed} or {@link #fail}. Thread-safe.
 */
final class ScriptedSteps implements StepExecutor {
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Promise<String>> running = new HashMap<>();
    private int maxRunningPerNode;

    @Override
    public synchronized Future<String> run(Step step, SiteModel site, String node) {
        calls.add(node + ":" + step.label());
        Promise<String> p = Promise.promise();
        if (running.put(node, p) != null) {
            maxRunningPerNode = 2;
        }
        maxRunningPerNode = Math.max(maxRunningPerNode, 1);
        return p.future();
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized List<String> running() {
        return running.keySet().stream().sorted().toList();
    }

    /** 1 while no node ever had two steps running at once. */
    synchronized int maxRunningPerNode() {
        return maxRunningPerNode;
    }

    void succeed(String node) {
        take(node).complete("done");
    }

    void fail(String node, Throwable cause) {
        take(node).fail(cause);
    }

    private synchronized Promise<String> take(String node) {
        Promise<String> p = running.remove(node);
        if (p == null) {
            throw new AssertionError("no step runs on " + node + "; running: " + running.keySet());
        }
        return p;
    }
}
