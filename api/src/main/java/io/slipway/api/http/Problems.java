package io.slipway.api.http;

import io.slipway.api.auth.AuthException;
import io.slipway.engine.bootaction.BootActionProblem;
import io.slipway.engine.design.DesignInputException;
import io.slipway.store.StoreException;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.handler.HttpException;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a request's failure into the {@link Problem} to answer with. A {@link Problem} is itself; the
 * failure types of the layers below (auth, boot actions, design input, store, Vert.x) are translated by one
 * table keyed by their class; anything else is a fault of the server: {@link ProblemType#INTERNAL}, with a
 * generic detail (the failure is logged, never shown). In particular an {@link IllegalArgumentException}
 * from below is not taken for bad input: routes translate the documented refusals of the calls they make.
 * Pure; thread-safe.
 */
final class Problems {
    private static final Map<Class<?>, Function<Throwable, Problem>> BY_CLASS = Map.of(
            AuthException.class,
                    f -> {
                        AuthException a = (AuthException) f;
                        return Problem.of(
                                a.kind() == AuthException.Kind.UNAUTHENTICATED
                                        ? ProblemType.UNAUTHENTICATED
                                        : ProblemType.FORBIDDEN,
                                a.getMessage());
                    },
            BootActionProblem.class,
                    f -> {
                        BootActionProblem b = (BootActionProblem) f;
                        return Problem.of(ProblemType.of(b.kind().status()), b.getMessage());
                    },
            DesignInputException.class, f -> Problem.of(ProblemType.BAD_REQUEST, f.getMessage()),
            DecodeException.class, f -> Problem.of(ProblemType.BAD_REQUEST, "the request body is not valid JSON"),
            HttpException.class, f -> Problem.of(ProblemType.of(((HttpException) f).getStatusCode()), f.getMessage()),
            StoreException.class, f -> store((StoreException) f));

    private Problems() {}

    /**
     * The problem for {@code failure}; for none (a handler that failed with a status only), the generic
     * problem of {@code status}, or {@link ProblemType#INTERNAL}.
     */
    static Problem of(Throwable failure, int status) {
        if (failure == null) {
            return Problem.of(ProblemType.of(status > 0 ? status : 500), null);
        }
        if (failure instanceof Problem p) {
            return p;
        }
        for (Class<?> c = failure.getClass(); c != null; c = c.getSuperclass()) {
            Function<Throwable, Problem> translate = BY_CLASS.get(c);
            if (translate != null) {
                return translate.apply(failure);
            }
        }
        return Problem.of(ProblemType.INTERNAL, null);
    }

    private static Problem store(StoreException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> Problem.of(ProblemType.NOT_FOUND, e.getMessage());
            case CONFLICT -> Problem.of(ProblemType.CONFLICT, e.getMessage());
            case UNAVAILABLE -> Problem.of(ProblemType.UNAVAILABLE, "the database is unavailable; retry shortly");
            case FENCED -> Problem.of(ProblemType.NOT_LEADER, e.getMessage());
        };
    }
}
