package io.slipway.drivers.maas;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code user_data} a MAAS-deployed node runs once at first boot (cloud-init runs a {@code #!} user
 * script): it fetches its boot-action files and units from Slipway with its key ({@code X-Bootaction-Key},
 * {@code GET /api/v1.0/bootactions/nodes/<host>/files|units}), unpacks them at {@code /}, enables and starts
 * the units, and reports each boot action it was given an id for ({@code POST /api/v1.0/bootactions/<id>}).
 * It needs only a POSIX shell, {@code tar} and {@code curl} or {@code wget}. Pure. The result holds the node's
 * key: never log it.
 */
final class BootActionUserData {
    private BootActionUserData() {}

    /** Base64, as MAAS's {@code op=deploy} takes {@code user_data}. */
    static String base64(String baseUrl, String node, String keyHex, Map<String, String> actionIds) {
        return Base64.getEncoder()
                .encodeToString(script(baseUrl, node, keyHex, actionIds).getBytes(StandardCharsets.UTF_8));
    }

    static String script(String baseUrl, String node, String keyHex, Map<String, String> actionIds) {
        StringBuilder ids = new StringBuilder();
        new TreeMap<>(actionIds).values().forEach(id -> ids.append(id).append(' '));
        return """
        #!/bin/sh
        # Slipway boot actions: fetch this node's files and units, install them, report each action.
        BASE='%s'
        NODE='%s'
        KEY='%s'
        ACTIONS='%s'
        get() { if command -v curl >/dev/null; then curl -fsS -H "X-Bootaction-Key: $KEY" -o "$2" "$1";
          else wget -q --header "X-Bootaction-Key: $KEY" -O "$2" "$1"; fi; }
        post() { if command -v curl >/dev/null; then curl -fsS -X POST -H "X-Bootaction-Key: $KEY" \\
            -H 'Content-Type: application/json' -d "$2" -o /dev/null "$1";
          else wget -q --header "X-Bootaction-Key: $KEY" --header 'Content-Type: application/json' \\
            --post-data "$2" -O /dev/null "$1"; fi; }
        result=success
        for kind in files units; do
          if get "$BASE/api/v1.0/bootactions/nodes/$NODE/$kind" /tmp/slipway-$kind.tar.gz \\
              && tar -xzf /tmp/slipway-$kind.tar.gz -C /; then
            if [ $kind = units ] && command -v systemctl >/dev/null; then
              systemctl daemon-reload
              for u in $(tar -tzf /tmp/slipway-units.tar.gz); do systemctl enable --now "/$u" || result=failure; done
            fi
          else
            result=failure
          fi
        done
        for id in $ACTIONS; do
          post "$BASE/api/v1.0/bootactions/$id" "{\\"status\\": \\"$result\\", \\"details\\": []}" || true
        done
        rm -f /tmp/slipway-files.tar.gz /tmp/slipway-units.tar.gz
        """.formatted(
                baseUrl.replaceAll("/+$", ""), node, keyHex, ids.toString().trim());
    }
}
