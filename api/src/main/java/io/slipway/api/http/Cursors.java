package io.slipway.api.http;

import io.slipway.store.TaskPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Opaque page positions for task listings ({@code created|id}, base64url). */
final class Cursors {
    private Cursors() {}

    static String encode(TaskPage.Cursor c) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((c.created() + "|" + c.id()).getBytes(StandardCharsets.UTF_8));
    }

    static TaskPage.Cursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            return new TaskPage.Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ApiException.badRequest("after is not a page position returned by this API");
        }
    }
}
