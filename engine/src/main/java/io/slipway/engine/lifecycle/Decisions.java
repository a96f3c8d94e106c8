package io.slipway.engine.lifecycle;

import java.util.List;

/** What the lifecycle rules currently conclude: steps to run, state changes, and guards in force. */
public record Decisions(List<Action> actions, List<Advance> advances, List<Hold> holds) {

    public boolean isEmpty() {
        return actions.isEmpty() && advances.isEmpty();
    }
}
