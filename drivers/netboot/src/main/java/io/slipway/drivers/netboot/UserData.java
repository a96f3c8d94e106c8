package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.node.NodeSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a node's NoCloud {@code user-data}: a MIME multipart with a {@code text/cloud-config} part
 * (hostname, SSH keys, kernel parameters) and a {@code text/x-shellscript} first-boot part that fetches
 * the node's boot actions with its key, runs them, reports each and calls {@code booted} with the deploy
 * job's token. The script needs only a POSIX shell, {@code wget}, {@code tar} and {@code ip} (busybox is
 * enough). Pure. The result carries secrets (the boot-action key, the token): never log it.
 */
final class UserData {
    static final String BOUNDARY = "==slipway-seed==";

    private UserData() {}

    /** The multipart from the node's {@link #cloudConfig} and the secrets of its first boot. */
    static String render(
            String cloudConfig,
            String node,
            String baseUrl,
            String osToken,
            String bootActionKey,
            Map<String, String> actionIds) {
        return "Content-Type: multipart/mixed; boundary=\"" + BOUNDARY + "\"\nMIME-Version: 1.0\n\n"
                + part("text/cloud-config", "cloud-config.yaml", cloudConfig)
                + part(
                        "text/x-shellscript",
                        "slipway-firstboot.sh",
                        firstBoot(node, baseUrl, osToken, bootActionKey, actionIds))
                + "--" + BOUNDARY + "--\n";
    }

    private static String part(String type, String name, String body) {
        return "--" + BOUNDARY + "\nContent-Type: " + type + "; charset=\"utf-8\"\nMIME-Version: 1.0\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\n\n" + body + "\n";
    }

    static String cloudConfig(NodeSpec spec) {
        StringBuilder b = new StringBuilder("#cloud-config\n");
        b.append("hostname: ").append(spec.name()).append('\n');
        if (spec.domain() != null) {
            b.append("fqdn: ")
                    .append(spec.name())
                    .append('.')
                    .append(spec.domain())
                    .append('\n');
        }
        if (!spec.sshKeys().isEmpty()) {
            b.append("ssh_authorized_keys:\n");
            spec.sshKeys().forEach(k -> b.append("  - ").append(quote(k)).append('\n'));
        }
        String cmdline = spec.platform() == null ? null : spec.platform().kernelCommandLine();
        if (cmdline != null && !cmdline.isBlank()) {
            b.append(
                            "write_files:\n  - path: /etc/default/grub.d/90-slipway.cfg\n    permissions: '0644'\n    content: |\n")
                    .append("      GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT ")
                    .append(cmdline.replace("\"", "\\\""))
                    .append("\"\n")
                    .append("runcmd:\n  - [sh, -c, 'if command -v update-grub >/dev/null; then update-grub; fi']\n");
        }
        return b.toString();
    }

    static String firstBoot(String node, String baseUrl, String osToken, String key, Map<String, String> actionIds) {
        StringBuilder ids = new StringBuilder();
        new TreeMap<>(actionIds).forEach((name, id) -> ids.append(id).append(' '));
        return """
        #!/bin/sh
        # Slipway first boot: fetch this node's boot actions, run them, report each, then tell Slipway it booted.
        BASE='%s'
        NODE='%s'
        KEY='%s'
        TOKEN='%s'
        ACTIONS='%s'
        result=success
        if [ -n "$KEY" ]; then
          for kind in files units; do
            if wget -q -O /tmp/slipway-$kind.tar.gz --header "X-Bootaction-Key: $KEY" "$BASE/api/v1.0/bootactions/nodes/$NODE/$kind" \\
                && tar -xzf /tmp/slipway-$kind.tar.gz -C /; then
              if [ $kind = units ] && command -v systemctl >/dev/null; then
                systemctl daemon-reload
                for u in $(tar -tzf /tmp/slipway-units.tar.gz); do systemctl enable --now "/$u" || result=failure; done
              fi
            else
              result=failure
            fi
          done
        fi
        reported=0
        for id in $ACTIONS; do
          if wget -q -O /dev/null --header "X-Bootaction-Key: $KEY" --header 'Content-Type: application/json' \\
              --post-data "{\\"status\\":\\"$result\\"}" "$BASE/api/v1.0/bootactions/$id"; then
            reported=$((reported + 1))
          fi
        done
        addrs=$(ip -o -4 addr show 2>/dev/null | awk '$2 != "lo" {printf "%%s\\"%%s\\"", sep, $4; sep=","}')
        body="{\\"hostname\\":\\"$(hostname)\\",\\"addresses\\":[$addrs],\\"boot_actions\\":{\\"reported\\":$reported}}"
        n=0
        until wget -q -O /dev/null --header "Authorization: Bearer $TOKEN" --header 'Content-Type: application/json' \\
            --post-data "$body" "$BASE/agent/v1/booted"; do
          n=$((n + 1)); [ $n -ge 60 ] && exit 1; sleep 5
        done
        """.formatted(
                baseUrl, node, key == null ? "" : key, osToken, ids.toString().trim());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
