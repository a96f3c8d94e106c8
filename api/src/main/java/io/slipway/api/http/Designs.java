package io.slipway.api.http;

import io.slipway.store.DesignRevision;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;

/**
 * Turns a request's design reference into a stored revision: {@code revision:N} (or just {@code N})
 * names one; a URL is fetched (bounded in time and size, on a worker thread) and stored, identical
 * content giving the same revision. File references are refused unless the server allows them.
 */
final class Designs {
  private Designs() {}

  static Future<DesignRevision> resolve(ApiContext api, Object reference) {
    if (!(reference instanceof String ref) || ref.isBlank()) {
      return Future.failedFuture(ApiException.badRequest("design_ref must be a revision (revision:N) or a URL"));
    }
    String r = ref.trim();
    String digits = r.startsWith("revision:") ? r.substring("revision:".length()) : r;
    if (digits.matches("\\d{1,18}")) {
      long id = Long.parseLong(digits);
      return api.store().designs().find(id).recover(e -> Future.failedFuture(
          ApiException.badRequest("design revision " + id + " does not exist")));
    }
    boolean remote = r.startsWith("http://") || r.startsWith("https://") || r.startsWith("deckhand+http");
    if (!remote && !api.allowFileReferences()) {
      return Future.failedFuture(ApiException.badRequest("design_ref " + r + ": only http(s)://, deckhand+http(s):// "
          + "and revision:N references are accepted over the API (upload files with POST /api/v1.0/designs)"));
    }
    return api.vertx().executeBlocking(() -> api.loader().fetch(r), false)
        .compose(text -> api.store().designs().save(r, new String(text.bytes(), StandardCharsets.UTF_8)));
  }
}
