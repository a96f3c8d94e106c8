package io.slipway.engine.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Performs one policy-checked fetch: no automatic redirects (each hop is checked by the policy), one
 * deadline over every hop and the whole body, a byte limit. The client is built on first use.
 */
final class HttpFetcher {
    private static final int MAX_HOPS = 5;
    private final FetchPolicy policy;
    private volatile HttpClient client;

    HttpFetcher(FetchPolicy policy) {
        this.policy = policy;
    }

    byte[] get(URI start, FetchSource source, long maxBytes, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        URI uri = start;
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            Reply reply = send(uri, source, maxBytes, deadline, within);
            if (reply.location == null) {
                return reply.body;
            }
            URI next;
            try {
                next = uri.resolve(reply.location);
            } catch (IllegalArgumentException e) {
                throw new FetchException(FetchPolicy.shown(uri) + ": redirected to an invalid location");
            }
            source = policy.checkRedirect(uri, next, source);
            uri = next;
        }
        throw new FetchException(FetchPolicy.shown(start) + ": more than " + MAX_HOPS + " redirects");
    }

    private record Reply(byte[] body, String location) {}

    private Reply send(URI uri, FetchSource source, long maxBytes, long deadline, Duration within) {
        Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(left).GET();
        if (source.authorization() != null) {
            req.header("Authorization", source.authorization());
        }
        CompletableFuture<HttpResponse<InputStream>> call =
                client().sendAsync(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<Reply> reply = call.thenApplyAsync(r -> read(uri, r, maxBytes));
        try {
            return reply.get(left.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.thenAccept(r -> close(r.body()));
            call.cancel(true);
            throw new FetchException(FetchPolicy.shown(uri) + ": no complete answer within " + within.toMillis()
                    + " ms (fetch.deadline_seconds)");
        } catch (ExecutionException e) {
            Throwable cause =
                    e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            if (cause instanceof FetchException f) {
                throw f;
            }
            if (cause instanceof ConnectException) {
                throw new FetchException(FetchPolicy.shown(uri) + ": connection refused or unreachable");
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new FetchException(FetchPolicy.shown(uri) + ": no answer within " + within.toMillis() + " ms");
            }
            throw new FetchException(FetchPolicy.shown(uri) + ": fetch failed ("
                    + cause.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchPolicy.shown(uri) + ": interrupted");
        }
    }

    private static Reply read(URI uri, HttpResponse<InputStream> r, long maxBytes) {
        try (InputStream in = r.body()) {
            int status = r.statusCode();
            if (status / 100 == 3) {
                String location = r.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException(
                            FetchPolicy.shown(uri) + ": answered HTTP " + status + " without a Location");
                }
                return new Reply(null, location);
            }
            if (status / 100 != 2) {
                throw new FetchException(FetchPolicy.shown(uri) + ": server answered HTTP " + status);
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new FetchException(
                        FetchPolicy.shown(uri) + ": more than " + maxBytes + " bytes (the size limit)");
            }
            return new Reply(body, null);
        } catch (IOException e) {
            throw new FetchException(FetchPolicy.shown(uri) + ": reading the answer failed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
                c = client;
            }
        }
        return c;
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing only releases the connection early.
        }
    }
}
