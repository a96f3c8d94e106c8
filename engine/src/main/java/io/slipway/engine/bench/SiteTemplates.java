package io.slipway.engine.bench;

/** The fixed (node-count independent) documents of a generated site. */
final class SiteTemplates {
    private SiteTemplates() {}

    static void header(StringBuilder y, int nodes) {
        y.append("# Generated site with ").append(nodes).append(" nodes.\n");
        doc(y, "Region", "generated-site", """
          authorized_keys:
            - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGVuZXJhdGVkc2l0ZWtleWZvcmRlbW9vbmx5 ops@generated
        """);
        doc(y, "NetworkLink", "oob", link("disabled", 1500, "disabled", "oob", "oob"));
        doc(y, "NetworkLink", "pxe", link("disabled", 1500, "disabled", "pxe", "pxe"));
        doc(y, "NetworkLink", "data", """
          bonding:
            mode: 802.3ad
            hash: layer3+4
            peer_rate: fast
            mon_rate: 100
            up_delay: 200
            down_delay: 200
          mtu: 9000
          trunking:
            mode: 802.1q
            default_network: mgmt
          allowed_networks: [mgmt, private, storage, public]
        """);
        network(y, "oob", "10.10.0.0/16", null, 1500, "oob.generated.site", "static");
        network(y, "pxe", "10.11.0.0/16", null, 1500, "pxe.generated.site", "dhcp");
        network(y, "mgmt", "10.12.0.0/16", null, 1500, "mgmt.generated.site", "static");
        network(y, "private", "10.13.0.0/16", "101", 9000, "priv.generated.site", "static");
        network(y, "storage", "10.14.0.0/16", "102", 9000, "stor.generated.site", "static");
        network(y, "public", "10.15.0.0/16", "103", 1500, "generated.site", "static");
        hardware(y);
        profiles(y);
        bootActions(y);
    }

    static void rack(StringBuilder y, int r) {
        doc(
                y,
                "Rack",
                "rack" + r,
                "  location:\n    grid: R" + r + "\n  local_networks: [pxe]\n  labels:\n    row: r" + ((r - 1) / 10 + 1)
                        + "\n");
    }

    private static String link(String bond, int mtu, String trunk, String native_, String allowed) {
        return "  bonding:\n    mode: " + bond + "\n  mtu: " + mtu + "\n  trunking:\n    mode: " + trunk
                + "\n    default_network: " + native_ + "\n  allowed_networks: [" + allowed + "]\n";
    }

    private static void network(
            StringBuilder y, String name, String cidr, String vlan, int mtu, String domain, String rangeType) {
        String base = cidr.substring(0, cidr.indexOf(".0.0/"));
        StringBuilder d = new StringBuilder();
        if (vlan != null) {
            d.append("  vlan: '").append(vlan).append("'\n");
        }
        d.append("  mtu: ")
                .append(mtu)
                .append("\n  cidr: ")
                .append(cidr)
                .append("\n  ranges:\n    - type: ")
                .append(rangeType)
                .append("\n      start: ")
                .append(base)
                .append(".0.10\n      end: ")
                .append(base)
                .append(".255.250\n");
        if (name.equals("mgmt")) {
            d.append("  routes:\n    - subnet: 0.0.0.0/0\n      gateway: ")
                    .append(base)
                    .append(".0.1\n      metric: 10\n");
        }
        d.append("  dns:\n    domain: ")
                .append(domain)
                .append("\n    servers: ")
                .append(base)
                .append(".0.2\n");
        doc(y, "Network", name, d.toString());
    }

    private static void hardware(StringBuilder y) {
        for (String model : new String[] {"r740", "r750"}) {
            doc(y, "HardwareProfile", model, """
            vendor: Dell
            generation: '14'
            hw_version: '1'
            bios_version: '2.9.3'
            boot_mode: uefi
            bootstrap_protocol: pxe
            pxe_interface: 0
            device_aliases:
              nic1: {address: '0000:19:00.0', dev_type: 'X710', bus_type: pci}
              nic2: {address: '0000:19:00.1', dev_type: 'X710', bus_type: pci}
              nic3: {address: '0000:3b:00.0', dev_type: 'X710', bus_type: pci}
              nic4: {address: '0000:3b:00.1', dev_type: 'X710', bus_type: pci}
              bootdisk: {address: '0:2.0.0', dev_type: 'PERC H740', bus_type: scsi}
            cpu_sets:
              platform: '0-3'
              workload: '4-47'
            hugepages:
              dpdk: {size: '1G', count: 32}
          """);
        }
    }

    private static void profiles(StringBuilder y) {
        doc(y, "HostProfile", "base", """
          oob: {type: ipmi, network: oob, account: admin, credential: changeme}
          primary_network: mgmt
          storage:
            physical_devices:
              bootdisk:
                labels: {role: root}
                partitions:
                  - {name: efi, size: 512mi, bootable: true, filesystem: {mountpoint: /boot/efi, fstype: vfat}}
                  - {name: boot, size: 2g, filesystem: {mountpoint: /boot, fstype: ext4}}
                  - {name: root, size: 60g, filesystem: {mountpoint: /, fstype: ext4}}
                  - {name: pv1, size: '>100g', volume_group: vg_sys}
            volume_groups:
              vg_sys:
                logical_volumes:
                  - {name: log, size: 40g, filesystem: {mountpoint: /var/log, fstype: xfs}}
                  - {name: var, size: 50%, filesystem: {mountpoint: /var, fstype: xfs}}
          platform:
            image: jammy
            kernel: ga-22.04
            kernel_params: {console: ttyS1, quiet: true}
          metadata:
            owner_data: {site: generated}
        """);
        doc(y, "HostProfile", "compute-base", """
          host_profile: base
          hardware_profile: r740
          interfaces:
            pxe: {device_link: pxe, slaves: [nic1], networks: [pxe]}
            bond0: {device_link: data, slaves: [nic3, nic4], networks: [mgmt, private, storage]}
          platform:
            kernel_params:
              isolcpus: hardwareprofile:cpuset.workload
              hugepagesz: hardwareprofile:hugepages.dpdk.size
              hugepages: hardwareprofile:hugepages.dpdk.count
          metadata:
            tags: [compute]
            owner_data: {role: compute}
        """);
        doc(y, "HostProfile", "compute-standard", """
          host_profile: compute-base
          metadata:
            tags: [standard]
        """);
        doc(y, "HostProfile", "compute-storage", """
          host_profile: compute-base
          hardware_profile: r750
          storage:
            physical_devices:
              sdb: {volume_group: vg_data}
              sdc: {volume_group: vg_data}
            volume_groups:
              vg_data:
                logical_volumes:
                  - {name: data, size: 95%, filesystem: {mountpoint: /srv/data, fstype: xfs}}
          metadata:
            tags: ['!standard', storage]
            owner_data: {role: storage}
        """);
    }

    private static void bootActions(StringBuilder y) {
        doc(y, "BootAction", "motd", """
          signaling: false
          assets:
            - path: /etc/motd
              type: file
              permissions: '644'
              data: 'Welcome to {{ node.hostname }}'
              data_pipeline: [utf8_decode, template]
        """);
        doc(y, "BootAction", "node-agent", """
          assets:
            - path: /etc/systemd/system/node-agent.service
              type: unit
              permissions: '644'
              data: |
                [Unit]
                Description=Node agent
                [Service]
                ExecStart=/usr/local/bin/node-agent
                [Install]
                WantedBy=multi-user.target
              data_pipeline: [utf8_decode]
            - type: pkg_list
              data:
                lldpd: null
                chrony: '4.2-2ubuntu2'
          node_filter:
            filter_set_type: union
            filter_set:
              - filter_type: union
                node_tags: [compute]
        """);
    }

    static void doc(StringBuilder y, String kind, String name, String data) {
        y.append("---\nschema: drydock/")
                .append(kind)
                .append("/v1\nmetadata:\n  schema: metadata/Document/v1\n  name: ")
                .append(name)
                .append("\ndata:\n")
                .append(data.stripTrailing())
                .append('\n');
    }
}
