package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Forms;
import io.slipway.drivers.maas.api.MaasClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Adds the site's SSH keys to the API user's keys ({@code account/prefs/sshkeys/}); MAAS installs
 * them on deployed machines. Keys are compared by type and key material, ignoring the comment.
 * Keys already present, or present but not in the site, are left alone.
 */
final class SshKeys {
    private final MaasClient client;

    SshKeys(MaasClient client) {
        this.client = client;
    }

    Future<Void> ensure(List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return Future.succeededFuture();
        }
        return client.getArray("account/prefs/sshkeys/").compose(existing -> {
            Future<Void> chain = Future.succeededFuture();
            for (String key : keys) {
                if (!present(existing, key)) {
                    chain = chain.compose(x -> client.post("account/prefs/sshkeys/", null, Forms.of("key", key.trim()))
                            .mapEmpty());
                }
            }
            return chain;
        });
    }

    private static boolean present(JsonArray existing, String key) {
        String wanted = material(key);
        return existing.stream()
                .map(JsonObject.class::cast)
                .anyMatch(k -> material(k.getString("key", "")).equals(wanted));
    }

    private static String material(String key) {
        String[] parts = key.trim().split("\\s+");
        return parts.length >= 2 ? parts[0] + " " + parts[1] : key.trim();
    }
}
