package io.slipway.engine.lifecycle;

import io.slipway.engine.rules.RuleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * The lifecycle rules over one long-lived session: facts are replaced per node as they change and
 * only the affected node's rules are re-evaluated, so an unchanged tick costs almost nothing and a
 * changed observation is decided in microseconds.
 *
 * <p>Not thread-safe: one owner (the dispatcher's worker context) makes every call. Rule evaluation
 * is CPU work; never call it on an event-loop thread. {@link #close()} disposes the session.
 */
public final class LifecycleEngine implements AutoCloseable {
    private final RuleSet rules;
    private final KieSession session;
    private final Facts<NodeDesign> designs;
    private final Facts<NodeObservation> observations;
    private final Facts<NodeIntent> intents;
    private final Facts<InFlight> inFlight;
    private final NodeDriverFacts driverFacts;

    public LifecycleEngine(RuleSet rules) {
        this(rules, NodeDriverFacts.selfBooting());
    }

    /** An engine whose rules see {@code driver} (what the configured node driver needs from the engine). */
    public LifecycleEngine(RuleSet rules, NodeDriverFacts driver) {
        this.rules = rules;
        this.session = rules.kieBase().newKieSession();
        this.driverFacts = driver;
        session.insert(driver);
        this.designs = new Facts<>(session, NodeDesign::node);
        this.observations = new Facts<>(session, NodeObservation::node);
        this.intents = new Facts<>(session, NodeIntent::node);
        this.inFlight = new Facts<>(session, InFlight::node);
    }

    public RuleSet rules() {
        return rules;
    }

    public NodeDriverFacts driverFacts() {
        return driverFacts;
    }

    public void put(NodeDesign d) {
        designs.put(d);
    }

    public void put(NodeObservation o) {
        observations.put(o);
    }

    public void put(NodeIntent i) {
        intents.put(i);
    }

    public void clearIntent(String node) {
        intents.remove(node);
    }

    public void started(String node, Step step) {
        inFlight.put(new InFlight(node, step));
    }

    public void finished(String node) {
        inFlight.remove(node);
    }

    public NodeObservation observation(String node) {
        return observations.get(node);
    }

    public NodeIntent intent(String node) {
        return intents.get(node);
    }

    public NodeDesign design(String node) {
        return designs.get(node);
    }

    public boolean running(String node) {
        return inFlight.get(node) != null;
    }

    /** The step running for {@code node}, or null. */
    public Step runningStep(String node) {
        InFlight f = inFlight.get(node);
        return f == null ? null : f.step();
    }

    /** Forgets a node entirely. */
    public void remove(String node) {
        designs.remove(node);
        observations.remove(node);
        intents.remove(node);
        inFlight.remove(node);
    }

    /** Fires what changed and returns every current decision. */
    public Decisions decide() {
        session.fireAllRules();
        return new Decisions(query("actions", "$action"), query("advances", "$advance"), query("holds", "$hold"));
    }

    /** The facts, decisions and guards of one node, and what it waits for when nothing is decided. */
    public Explanation explain(String node) {
        Decisions all = decide();
        List<Action> actions =
                all.actions().stream().filter(a -> a.node().equals(node)).toList();
        List<Advance> advances =
                all.advances().stream().filter(a -> a.node().equals(node)).toList();
        List<Hold> holds =
                all.holds().stream().filter(h -> h.node().equals(node)).toList();
        List<String> waiting = actions.isEmpty() && advances.isEmpty()
                ? Waiting.reasons(
                        observations.get(node), designs.get(node), intents.get(node), inFlight.get(node), holds)
                : List.of();
        return new Explanation(
                node,
                observations.get(node),
                designs.get(node),
                intents.get(node),
                inFlight.get(node),
                actions,
                advances,
                holds,
                waiting,
                Verbs.of(observations.get(node), inFlight.get(node)));
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> query(String name, String var) {
        List<T> out = new ArrayList<>();
        for (QueryResultsRow row : session.getQueryResults(name)) {
            out.add((T) row.get(var));
        }
        return out;
    }

    @Override
    public void close() {
        session.dispose();
    }

    /** Fact handles of one fact type, keyed by node: replacing a fact updates it in place. */
    private static final class Facts<T> {
        private final KieSession session;
        private final Function<T, String> key;
        private final Map<String, FactHandle> handles = new HashMap<>();
        private final Map<String, T> values = new HashMap<>();

        Facts(KieSession session, Function<T, String> key) {
            this.session = session;
            this.key = key;
        }

        void put(T fact) {
            String k = key.apply(fact);
            T old = values.put(k, fact);
            if (old == null) {
                handles.put(k, session.insert(fact));
            } else if (!old.equals(fact)) {
                session.update(handles.get(k), fact);
            }
        }

        void remove(String k) {
            FactHandle h = handles.remove(k);
            values.remove(k);
            if (h != null) {
                session.delete(h);
            }
        }

        T get(String k) {
            return values.get(k);
        }
    }
}
