package io.slipway.engine.bench;

/**
 * Generates a realistic synthetic site: a region, racks of up to 40 nodes, three links (OOB, PXE and
 * an 802.3ad bond trunking three tagged networks), six networks, a three-level host-profile chain
 * with LVM storage and bonds, two hardware profiles and two boot actions. Output is deterministic
 * for a given node count and validates clean.
 */
public final class SiteGenerator {
    private static final String[] NETWORKS = {"oob", "pxe", "mgmt", "private", "storage", "public"};

    private SiteGenerator() {}

    public static String generate(int nodes) {
        StringBuilder y = new StringBuilder(512 * nodes + 16_384);
        SiteTemplates.header(y, nodes);
        int racks = Math.max(1, (nodes + 39) / 40);
        for (int r = 1; r <= racks; r++) {
            SiteTemplates.rack(y, r);
        }
        for (int i = 0; i < nodes; i++) {
            node(y, i);
        }
        return y.toString();
    }

    private static void node(StringBuilder y, int i) {
        int host = i + 10;
        String suffix = (host >> 8) + "." + (host & 255);
        String profile = i % 4 == 3 ? "compute-storage" : "compute-standard";
        y.append("---\nschema: drydock/BaremetalNode/v1\nmetadata:\n  schema: metadata/Document/v1\n  name: ")
                .append(name(i))
                .append("\ndata:\n  host_profile: ")
                .append(profile)
                .append("\n  addressing:\n    - network: pxe\n      address: dhcp\n")
                .append("    - network: oob\n      address: 10.10.")
                .append(suffix)
                .append('\n')
                .append("    - network: mgmt\n      address: 10.12.")
                .append(suffix)
                .append('\n')
                .append("    - network: private\n      address: 10.13.")
                .append(suffix)
                .append('\n')
                .append("    - network: storage\n      address: 10.14.")
                .append(suffix)
                .append('\n')
                .append("  metadata:\n    rack: rack")
                .append(i / 40 + 1)
                .append('\n');
        if (i % 10 == 0) {
            y.append("    tags:\n      - canary\n");
        }
    }

    public static String name(int i) {
        return String.format("node%05d", i);
    }

    static String[] networks() {
        return NETWORKS.clone();
    }
}
