package io.slipway.api.http;

/** A request the API refuses, with the {@link ProblemType} to answer and a detail naming the problem. */
public class ApiException extends RuntimeException implements Problem {
    private final ProblemType type;

    ApiException(ProblemType type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    /** A problem of the generic type of {@code status}. */
    public ApiException(int status, String message) {
        this(ProblemType.of(status), message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ProblemType.BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ProblemType.NOT_FOUND, message);
    }

    static ApiException conflict(String message) {
        return new ApiException(ProblemType.CONFLICT, message);
    }

    /** The route is answered by the leading instance only; this one does not lead now. */
    static ApiException notLeader(String message) {
        return new ApiException(ProblemType.NOT_LEADER, message);
    }

    @Override
    public ProblemType type() {
        return type;
    }

    @Override
    public String detail() {
        return getMessage() == null ? type.title() : getMessage();
    }

    /** The HTTP status (kept for callers that read it directly). */
    public int status() {
        return type.status();
    }
}
