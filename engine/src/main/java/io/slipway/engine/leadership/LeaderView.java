package io.slipway.engine.leadership;

import io.slipway.engine.Engine;
import java.util.List;

/**
 * What the API needs to know about leadership: the running engine when this instance leads (null
 * otherwise), the role and the cluster members. Any thread; never blocks.
 */
public interface LeaderView {

    /** The engine, or null on a standby (and while an election is being won or lost). */
    Engine engine();

    /** The cluster members as {@code host:port}. */
    List<String> members();

    default String role() {
        return engine() == null ? "standby" : "leader";
    }

    /** A view of a fixed engine (or none), for single-instance use and tests. */
    static LeaderView fixed(Engine engine) {
        return new LeaderView() {
            @Override
            public Engine engine() {
                return engine;
            }

            @Override
            public List<String> members() {
                return List.of();
            }
        };
    }
}
