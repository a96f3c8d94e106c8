package io.slipway.engine.vocabulary;

import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.lifecycle.Step;
import io.slipway.engine.orchestrator.TaskAction;
import java.util.stream.Collectors;

/** The tables of docs/rules.md that are generated from the enums (steps and task actions). */
final class VocabularyTables {
    private VocabularyTables() {}

    static String steps() {
        StringBuilder out = new StringBuilder();
        out.append(
                "| step | run by | held by a guard on | state while it runs | after a failure | power after | timeout |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Step s : Step.values()) {
            out.append("| `")
                    .append(s.label())
                    .append("` | `")
                    .append(s.driver().label())
                    .append("` | ")
                    .append(s.kinds().stream().map(k -> "`" + k.label() + "`").collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(s.phase() == null ? "unchanged" : "`" + s.phase().label() + "`")
                    .append(" | ")
                    .append(
                            s.phase() == null
                                    ? "unchanged"
                                    : "`" + s.failedState(s.phase()).label() + "`")
                    .append(" | ")
                    .append(s.powerAfter()
                            .map(p -> "`" + NodeObservation.label(p) + "`")
                            .orElse("unchanged"))
                    .append(" |")
                    .append(s.bound() == Step.Bound.LONG ? " long bound |" : " short bound |")
                    .append('\n');
        }
        return out.toString();
    }

    static String actions() {
        StringBuilder out = new StringBuilder();
        out.append("| action | works on | takes each node to | asks |\n");
        out.append("|---|---|---|---|\n");
        for (TaskAction a : TaskAction.values()) {
            out.append("| `")
                    .append(a.label())
                    .append("` | ")
                    .append(
                            switch (a.scope()) {
                                case SITE -> "the site";
                                case TOWARD -> "nodes, forward only";
                                case DESTROY -> "nodes, back (destroy)";
                                case RELABEL -> "deployed nodes";
                            })
                    .append(" | ")
                    .append(a.target()
                            .map(LifecycleState::label)
                            .map(l -> "`" + l + "`")
                            .orElse("—"))
                    .append(" | ")
                    .append(a.asks())
                    .append(" |\n");
        }
        return out.toString();
    }
}
