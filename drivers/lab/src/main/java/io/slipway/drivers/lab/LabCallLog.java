package io.slipway.drivers.lab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a lab driver actually did, in order: one entry per step performed on a subject (a node, a
 * switch port, the site). Calls that found the work already done are not recorded, so a test of an
 * idempotent re-run (or of an engine resuming after a crash) asserts that {@link #repeated()} is
 * empty.
 *
 * <p>Thread-safe: drivers append from event loops, tests read from any thread; sequence numbers
 * give one total order.
 */
public final class LabCallLog {

    /** How a performed step ended. */
    public enum Result {
        DONE,
        FAILED
    }

    /** One performed step; {@code detail} says why it failed, or is empty. */
    public record Call(long seq, String subject, String step, Instant at, Result result, String detail) {}

    private final List<Call> calls = new ArrayList<>();

    /** Appends a step; called by the lab drivers. */
    public synchronized void record(String subject, String step, Result result, String detail) {
        calls.add(new Call(calls.size() + 1L, subject, step, Instant.now(), result, detail));
    }

    /** Every call so far, oldest first. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls on one subject, oldest first. */
    public synchronized List<Call> calls(String subject) {
        return calls.stream().filter(c -> c.subject().equals(subject)).toList();
    }

    /** The names of the steps completed on {@code subject}, in order. */
    public synchronized List<String> steps(String subject) {
        return calls.stream()
                .filter(c -> c.subject().equals(subject) && c.result() == Result.DONE)
                .map(Call::step)
                .toList();
    }

    /** How often {@code step} was completed on {@code subject}. */
    public synchronized long count(String subject, String step) {
        return steps(subject).stream().filter(step::equals).count();
    }

    /** Subjects on which some step was completed more than once, with those steps. */
    public synchronized Map<String, List<String>> repeated() {
        Map<String, List<String>> done = new LinkedHashMap<>();
        calls.stream()
                .filter(c -> c.result() == Result.DONE)
                .forEach(c -> done.computeIfAbsent(c.subject(), k -> new ArrayList<>())
                        .add(c.step()));
        Map<String, List<String>> repeated = new LinkedHashMap<>();
        done.forEach((subject, steps) -> {
            List<String> twice = steps.stream()
                    .filter(s -> steps.indexOf(s) != steps.lastIndexOf(s))
                    .distinct()
                    .toList();
            if (!twice.isEmpty()) {
                repeated.put(subject, twice);
            }
        });
        return repeated;
    }

    public synchronized int size() {
        return calls.size();
    }

    public synchronized void clear() {
        calls.clear();
    }
}
