package io.slipway.api.http;

/**
 * Why the API refuses or fails a request: the {@link ProblemType} (status, {@code type} URI, title) and a
 * detail meant for the caller, which names the field, value or resource involved and never holds a secret,
 * a stack trace or SQL. Rendered by the failure handler of the router the route belongs to (Drydock's error
 * body or {@code application/problem+json}). Immutable.
 */
interface Problem {
    ProblemType type();

    String detail();

    default int status() {
        return type().status();
    }

    /** True when the same request may succeed later as is (Drydock's {@code retry}; {@code Retry-After}). */
    default boolean retryable() {
        return status() == 503;
    }

    /** A problem of {@code type} with {@code detail} (the type's title when null). */
    static Problem of(ProblemType type, String detail) {
        String shown = detail == null ? type.title() : detail;
        return new Problem() {
            @Override
            public ProblemType type() {
                return type;
            }

            @Override
            public String detail() {
                return shown;
            }
        };
    }
}
