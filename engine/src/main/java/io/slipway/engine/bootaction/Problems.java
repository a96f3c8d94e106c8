package io.slipway.engine.bootaction;

import io.slipway.engine.bootaction.BootActionProblem.Kind;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure of a boot-action request into a {@link BootActionProblem}. */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    static <T> Future<T> toProblem(Throwable failure) {
        return Future.failedFuture(of(failure));
    }

    static BootActionProblem of(Throwable failure) {
        if (failure instanceof BootActionProblem p) {
            return p;
        }
        if (failure instanceof StoreException s) {
            return switch (s.kind()) {
                case NOT_FOUND -> BootActionProblem.of(Kind.NOT_FOUND, s.getMessage());
                case CONFLICT -> BootActionProblem.of(Kind.CONFLICT, s.getMessage());
                case UNAVAILABLE, FENCED ->
                    BootActionProblem.of(Kind.UNAVAILABLE, "the store is unavailable; retry later", s);
            };
        }
        // Not a known failure (a design the compiler rejects, a bug): still an answer, never a 500,
        // but logged with its stack so it can be fixed.
        LOG.warn("boot action request failed unexpectedly", failure);
        return BootActionProblem.of(
                Kind.UNPROCESSABLE,
                "the boot actions cannot be processed (" + failure.getClass().getSimpleName() + ")",
                failure);
    }

    /** {@code call}'s future, or a failed one if it throws instead of returning. */
    static <T> Future<T> call(Supplier<Future<T>> call) {
        try {
            Future<T> f = call.get();
            return f == null ? Future.failedFuture(new IllegalStateException("no future")) : f;
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
