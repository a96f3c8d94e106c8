package io.slipway.api.http;

import io.slipway.engine.design.DesignShape;
import io.slipway.engine.design.SourceText;
import io.slipway.store.DesignRevision;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a request's design reference into a design: {@code revision:N} (or just {@code N}) names a
 * stored one; a URL is fetched through the server's fetch policy (on a worker thread), and only when
 * the caller holds the permission of the route's purpose ({@code ingest_data} or the task's), never
 * on read permission alone. {@link #read} never writes; {@link #resolve} stores a fetched design,
 * identical content giving the same revision. Fetched text must be a YAML stream of mappings holding a
 * design. A revision the store could not read is the store's failure (503), never "does not exist".
 */
final class Designs {
    private Designs() {}

    /** For routes that change nothing: the design's text, fetched designs validated in memory and never stored. */
    static Future<SourceText> read(ApiContext api, RoutingContext ctx, Object reference, String fetchPermission) {
        return parse(reference)
                .compose(r -> r.revision >= 0
                        ? find(api, r.revision).map(DesignRoutes::text)
                        : fetch(api, ctx, r.reference, fetchPermission));
    }

    /** For routes that pin a revision: a stored revision, or the fetched design stored as one. */
    static Future<DesignRevision> resolve(
            ApiContext api, RoutingContext ctx, Object reference, String fetchPermission) {
        return parse(reference)
                .compose(r -> r.revision >= 0
                        ? find(api, r.revision)
                        : fetch(api, ctx, r.reference, fetchPermission)
                                .compose(text -> api.store()
                                        .designs()
                                        .save(r.reference, new String(text.bytes(), StandardCharsets.UTF_8))));
    }

    private record Ref(long revision, String reference) {}

    private static Future<Ref> parse(Object reference) {
        if (!(reference instanceof String ref) || ref.isBlank()) {
            return Future.failedFuture(ApiException.badRequest("design_ref must be a revision (revision:N) or a URL"));
        }
        String r = ref.trim();
        String digits = r.startsWith("revision:") ? r.substring("revision:".length()) : r;
        if (digits.matches("\\d{1,18}")) {
            return Future.succeededFuture(new Ref(Long.parseLong(digits), null));
        }
        return Future.succeededFuture(new Ref(-1, r));
    }

    private static Future<DesignRevision> find(ApiContext api, long id) {
        return api.store()
                .designs()
                .find(id)
                .recover(e -> Future.failedFuture(
                        e instanceof StoreException se && se.kind() == StoreException.Kind.NOT_FOUND
                                ? ApiException.badRequest("design revision " + id + " does not exist")
                                : e));
    }

    private static Future<SourceText> fetch(ApiContext api, RoutingContext ctx, String r, String permission) {
        boolean remote = r.startsWith("http://") || r.startsWith("https://") || r.startsWith("deckhand+http");
        if (!remote && !api.allowFileReferences()) {
            return Future.failedFuture(
                    ApiException.badRequest(
                            "design_ref " + shown(r) + ": only http(s)://, deckhand+http(s)://"
                                    + " and revision:N references are accepted over the API (upload files with POST /api/v1.0/designs)"));
        }
        if (!api.permits().test(ctx, permission)) {
            return Future.failedFuture(new ApiException(
                    403,
                    "fetching a design reference needs " + permission
                            + "; name a stored revision (revision:N) instead"));
        }
        return api.vertx()
                .executeBlocking(
                        () -> {
                            SourceText text = api.loader().fetch(r);
                            DesignShape.requireStorable(text);
                            DesignShape.requireDesign(text, api.loader().parse(List.of(text)));
                            return text;
                        },
                        false);
    }

    /** A reference as shown in messages: scheme and what follows, user info cut out. */
    private static String shown(String r) {
        return r.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }
}
