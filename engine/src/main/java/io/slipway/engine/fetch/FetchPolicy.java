package io.slipway.engine.fetch;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one outbound-fetch policy of the server: every {@code http(s)} fetch (design references,
 * Deckhand, boot-action asset locations) goes through {@link #fetch}. Only URLs inside a configured
 * {@link FetchSource} are fetched (none by default); loopback, link-local and metadata addresses are
 * refused unless the source allows them; redirects are off unless the source allows them and never
 * leave its origin; one deadline bounds the whole fetch and a byte limit its body; a source's
 * credentials go to that source alone; {@code user:password@} in a URL is refused. Thread-safe;
 * {@link #fetch} blocks (call it from a worker thread); the HTTP client is built on first use.
 */
public final class FetchPolicy {
    /** Where an operator lists sources; named in every refusal. */
    public static final String SOURCES_KEY =
            "fetch.sources (--fetch-config / SLIPWAY_FETCH_CONFIG, see docs/operations.md)";

    private static final Set<String> KEYS = Set.of("sources", "deadline_seconds");
    private final List<FetchSource> sources;
    private final Duration deadline;
    private final boolean anyHost;
    private final HttpFetcher fetcher;

    private FetchPolicy(List<FetchSource> sources, Duration deadline, boolean anyHost) {
        this.sources = List.copyOf(sources);
        this.deadline = deadline;
        this.anyHost = anyHost;
        this.fetcher = new HttpFetcher(this);
    }

    /** No {@code http(s)} source at all: the server's default until an operator lists sources. */
    public static FetchPolicy none() {
        return new FetchPolicy(List.of(), Duration.ofSeconds(30), false);
    }

    /**
     * For the command line, which fetches on its user's own behalf: any {@code http(s)} host, redirects
     * on the same origin only, no credentials. Never used by the server.
     */
    public static FetchPolicy commandLine() {
        return new FetchPolicy(List.of(), Duration.ofSeconds(30), true);
    }

    public static FetchPolicy of(List<FetchSource> sources, Duration deadline) {
        return new FetchPolicy(sources, deadline, false);
    }

    /** Reads {@code {"sources": [...], "deadline_seconds": 30}}; fails naming the bad key. */
    public static FetchPolicy fromJson(JsonObject o) {
        for (String k : o.fieldNames()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("fetch: unknown key '" + k + "' (one of " + KEYS + ")");
            }
        }
        List<FetchSource> list = new ArrayList<>();
        JsonArray raw = o.getJsonArray("sources", new JsonArray());
        for (Object s : raw) {
            if (!(s instanceof JsonObject so)) {
                throw new IllegalArgumentException("fetch.sources: every entry must be an object with a url");
            }
            list.add(FetchSource.fromJson(so));
        }
        int seconds = o.getInteger("deadline_seconds", 30);
        if (seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("fetch.deadline_seconds must be between 1 and 600");
        }
        return of(list, Duration.ofSeconds(seconds));
    }

    public Duration deadline() {
        return deadline;
    }

    public List<FetchSource> sources() {
        return sources;
    }

    /** Fetches {@code url} within the policy; at most {@code maxBytes} of body. */
    public byte[] fetch(String url, long maxBytes) {
        return fetch(url, maxBytes, deadline);
    }

    /** As {@link #fetch(String, long)}, within the shorter of {@code within} and the policy's deadline. */
    public byte[] fetch(String url, long maxBytes, Duration within) {
        URI uri = parse(url);
        Duration d = within.compareTo(deadline) < 0 ? within : deadline;
        return fetcher.get(uri, check(uri), maxBytes, d);
    }

    /** The source {@code url} is allowed under (a synthetic one for the command line), or a refusal. */
    FetchSource check(URI uri) {
        FetchSource source = sources.stream()
                .filter(s -> s.matches(uri))
                .findFirst()
                .orElseGet(() -> anyHost ? new FetchSource(origin(uri), true, true, null) : null);
        if (source == null) {
            throw new FetchException(
                    shown(uri) + ": not an allowed fetch source; an operator lists design sources in " + SOURCES_KEY);
        }
        checkAddress(uri, source);
        return source;
    }

    /** A redirect target: allowed only inside the same source, on the same origin. */
    FetchSource checkRedirect(URI from, URI to, FetchSource source) {
        if (!source.followRedirects()) {
            throw new FetchException(
                    shown(from) + ": redirected to " + shown(to) + "; redirects are not followed unless"
                            + " follow_redirects is set on the source in " + SOURCES_KEY);
        }
        if (!sameOrigin(from, to) || !source.matches(to) || to.getUserInfo() != null) {
            throw new FetchException(shown(from) + ": redirected to " + shown(to) + ", outside the source "
                    + source.prefix() + "; redirects across origins are never followed");
        }
        checkAddress(to, source);
        return source;
    }

    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new FetchException("not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new FetchException(shown(uri) + ": only http(s)://host URLs are fetched");
        }
        if (uri.getRawUserInfo() != null) {
            throw new FetchException(shown(uri) + ": user:password@ in a reference is refused; configure credentials"
                    + " on the source in " + SOURCES_KEY);
        }
        return uri;
    }

    private void checkAddress(URI uri, FetchSource source) {
        if (source.allowInternal() || source.hostIsLiteral()) {
            return;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (Addresses.isInternal(a)) {
                    throw new FetchException(shown(uri) + ": " + uri.getHost() + " resolves to the internal address "
                            + a.getHostAddress() + "; list it in " + SOURCES_KEY
                            + " by address, or set allow_internal on its source");
                }
            }
        } catch (UnknownHostException e) {
            throw new FetchException(shown(uri) + ": unknown host " + uri.getHost());
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && b.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && FetchSource.port(a) == FetchSource.port(b);
    }

    private static URI origin(URI uri) {
        return URI.create(
                uri.getScheme() + "://" + (uri.getHost().contains(":") ? "[" + uri.getHost() + "]" : uri.getHost())
                        + ":" + FetchSource.port(uri) + "/");
    }

    /** The URL as shown in messages and logs: never its user info, query or fragment. */
    public static String shown(URI uri) {
        String host = uri.getHost() == null ? "?" : uri.getHost();
        return (uri.getScheme() == null ? "" : uri.getScheme() + "://")
                + host
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
