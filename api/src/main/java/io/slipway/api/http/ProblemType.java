package io.slipway.api.http;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of problem the API answers with, each with its HTTP status, its RFC 9457 {@code type} URI and
 * title. The URI is a path on the API itself ({@code /api/v1.0/problems/<slug>}), resolved against the
 * server's address, and answers with the description below (see {@code docs/api.md}, "Problem types").
 */
enum ProblemType {
    BAD_REQUEST("bad-request", 400, "Bad Request", "The request is malformed; the detail names the field or value."),
    UNAUTHENTICATED("unauthenticated", 401, "Unauthorized", "No bearer token, or one that does not check out."),
    FORBIDDEN("forbidden", 403, "Forbidden", "The caller's roles lack the permission the route needs."),
    NOT_FOUND("not-found", 404, "Not Found", "No such route, task, node, design revision or boot action."),
    METHOD_NOT_ALLOWED(
            "method-not-allowed", 405, "Method Not Allowed", "The path exists under other methods (see Allow)."),
    REQUEST_TIMEOUT("request-timeout", 408, "Request Timeout", "The request did not arrive in time."),
    CONFLICT(
            "conflict",
            409,
            "Conflict",
            "The request does not apply to the resource as it is now (a verb on a node in another state,"
                    + " a boot action already reported otherwise, a changed row)."),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload Too Large", "The body exceeds the API's limit."),
    URI_TOO_LONG("uri-too-long", 414, "URI Too Long", "The request line exceeds the API's limit."),
    UNSUPPORTED_MEDIA_TYPE(
            "unsupported-media-type", 415, "Unsupported Media Type", "The route does not take this Content-Type."),
    UNPROCESSABLE("unprocessable", 422, "Unprocessable Entity", "The request is well formed but cannot be processed."),
    HEADERS_TOO_LARGE(
            "headers-too-large", 431, "Request Header Fields Too Large", "Too many or too large request headers."),
    INTERNAL(
            "internal",
            500,
            "Internal Server Error",
            "A fault of the server; the log line with the request id says more."),
    UNAVAILABLE(
            "unavailable", 503, "Service Unavailable", "The database cannot be reached now; retry after Retry-After."),
    NOT_LEADER(
            "not-leader",
            503,
            "Service Unavailable",
            "Only the leading instance answers this route (or the instance lost leadership); retry, or ask the leader.");

    static final String BASE = "/api/v1.0/problems/";
    private final String slug;
    private final int status;
    private final String title;
    private final String description;

    ProblemType(String slug, int status, String title, String description) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.description = description;
    }

    /** The generic type of a status (the first declared with it); {@link #INTERNAL} for any other. */
    static ProblemType of(int status) {
        return Arrays.stream(values())
                .filter(t -> t.status == status)
                .findFirst()
                .orElse(INTERNAL);
    }

    static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }

    /** The {@code type} member of a problem body. */
    String uri() {
        return BASE + slug;
    }

    String slug() {
        return slug;
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }
}
