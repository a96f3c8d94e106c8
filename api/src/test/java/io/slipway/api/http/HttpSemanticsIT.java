package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** HEAD answers as GET without a body; a known path under another method is 405 with Allow; else 404; 415 names the type. */
@ExtendWith(PostgresExtension.class)
class HttpSemanticsIT {

    @Test
    void headMethodsAndMediaTypesAnswerAsHttpSays(StoreHandle store) throws Exception {
        try (ApiHarness h = new ApiHarness(store)) {
            HttpResponse<Buffer> get = send(h, HttpMethod.GET, "/api/v1.0/tasks", null, null);
            HttpResponse<Buffer> head = send(h, HttpMethod.HEAD, "/api/v1.0/tasks", null, null);
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body() == null ? 0 : head.body().length()).isZero();
            assertThat(head.getHeader("Content-Type")).isEqualTo(get.getHeader("Content-Type"));
            assertThat(send(h, HttpMethod.HEAD, "/versions", null, null).statusCode())
                    .isEqualTo(200);

            HttpResponse<Buffer> put = send(h, HttpMethod.PUT, "/api/v1.0/tasks", "application/json", "{}");
            assertThat(put.statusCode()).isEqualTo(405);
            assertThat(put.getHeader("Allow")).contains("GET", "HEAD", "POST");
            assertThat(put.bodyAsString()).contains("PUT is not allowed on /api/v1.0/tasks");

            HttpResponse<Buffer> none = send(h, HttpMethod.GET, "/api/v1.0/no-such-thing", null, null);
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(none.bodyAsString()).contains("no route GET /api/v1.0/no-such-thing");

            HttpResponse<Buffer> type = send(h, HttpMethod.POST, "/api/v1.0/tasks", "text/csv", "a,b");
            assertThat(type.statusCode()).isEqualTo(415);
            assertThat(type.bodyAsString()).contains("application/json");

            HttpResponse<Buffer> nul = send(h, HttpMethod.GET, "/api/v1.0/tasks/%00", null, null);
            assertThat(nul.statusCode()).isEqualTo(400);
            assertThat(nul.bodyAsString()).contains("NUL");
        }
    }

    private static HttpResponse<Buffer> send(ApiHarness h, HttpMethod m, String path, String type, String body) {
        var req = h.http.request(m, h.server.port(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN);
        if (type != null) {
            req.putHeader("Content-Type", type);
        }
        return result(body == null ? req.send() : req.sendBuffer(Buffer.buffer(body)));
    }
}
