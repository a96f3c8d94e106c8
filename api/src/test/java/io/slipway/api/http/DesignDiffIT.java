package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /designs/{a}/diff/{b}} names the documents and the effective node fields that changed. */
@ExtendWith(PostgresExtension.class)
class DesignDiffIT {

    private static HttpResponse<Buffer> get(ApiHarness h, String path) {
        return result(h.http.get(h.server.port(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN)
                .send());
    }

    @Test
    void theLabSiteAgainstAModifiedCopy(StoreHandle store) throws Exception {
        try (ApiHarness h = new ApiHarness(store)) {
            String site = h.labSite();
            // Two added lines move every document down; a position is not a change.
            String modified = "# moved\n# again\n"
                    + site.replace("address: 10.22.0.11\n", "address: 10.22.0.111\n")
                            .replace("name: motd\n", "name: motd-v2\n");
            long a = result(store.designs().save("lab-site.yaml", site)).id();
            long b = result(store.designs().save("lab-site-v2.yaml", modified)).id();

            HttpResponse<Buffer> resp = get(h, "/api/v1.0/designs/" + a + "/diff/" + b);
            assertThat(resp.statusCode()).as(resp.bodyAsString()).isEqualTo(200);
            JsonObject diff = resp.bodyAsJsonObject();
            assertThat(diff.getLong("from")).isEqualTo(a);
            JsonObject docs = diff.getJsonObject("documents");
            assertThat(docs.getJsonArray("added").encode())
                    .isEqualTo("[{\"kind\":\"BootAction\",\"name\":\"motd-v2\"}]");
            assertThat(docs.getJsonArray("removed").encode())
                    .isEqualTo("[{\"kind\":\"BootAction\",\"name\":\"motd\"}]");
            assertThat(docs.getJsonArray("changed").encode())
                    .isEqualTo("[{\"kind\":\"BaremetalNode\",\"name\":\"ctl01\",\"fields\":[\"addressing\"]}]");
            JsonObject ctl01 = diff.getJsonArray("nodes").getJsonObject(0);
            assertThat(ctl01.getString("name")).isEqualTo("ctl01");
            assertThat(ctl01.getJsonObject("fields")
                            .getJsonObject("data.addressing")
                            .encode())
                    .contains("10.22.0.11\"", "10.22.0.111");

            HttpResponse<Buffer> same = get(h, "/api/v1.0/designs/" + a + "/diff/" + a);
            assertThat(same.bodyAsJsonObject().getJsonArray("nodes")).isEmpty();

            HttpResponse<Buffer> unknown = get(h, "/api/v1.0/designs/" + a + "/diff/987654");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.getHeader("Content-Type")).isEqualTo("application/problem+json");
            assertThat(unknown.bodyAsJsonObject().getString("detail"))
                    .isEqualTo("design revision 987654 does not exist");
        }
    }
}
