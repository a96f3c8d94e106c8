package io.slipway.engine.dispatch;

import io.vertx.core.Context;
import java.time.Clock;

/**
 * One pending wake-up of the dispatcher, at a time read from the injected clock; setting a new one
 * replaces the old. The action runs on the dispatcher's context. Confined to that context.
 */
final class WakeTimer {
    private final Context context;
    private final Clock clock;
    private final Runnable action;
    private long timer = -1;

    WakeTimer(Context context, Clock clock, Runnable action) {
        this.context = context;
        this.clock = clock;
        this.action = action;
    }

    /** Runs the action at {@code at} (epoch ms), or about 1 ms from now if that has passed. */
    void at(long at) {
        if (timer >= 0) {
            context.owner().cancelTimer(timer);
        }
        long delay = Math.max(1, at - clock.millis());
        timer = context.owner()
                .setTimer(
                        delay,
                        t -> context.runOnContext(v -> {
                            timer = -1;
                            action.run();
                        }));
    }
}
