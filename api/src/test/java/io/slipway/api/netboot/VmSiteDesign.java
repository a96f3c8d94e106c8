package io.slipway.api.netboot;

import java.util.List;

/**
 * The design of the VM proof: one HostProfile whose OOB is {@code ipmi} (pointed per node at its
 * {@code ipmi_sim} on its own loopback address), a root disk named by its alias (the image brings
 * its own partitions; the 22 GiB root satisfies Drydock's 20 GB rule on a sparse disk), a PXE network in the documentation range 198.51.100.0/24 with static
 * node addresses from .21, device aliases by the VMs' PCI addresses, the test OS image, and one boot
 * action. Nothing in it names a lab driver.
 */
final class VmSiteDesign {
    static final String IMAGE = "testos";

    private VmSiteDesign() {}

    static String address(int index) {
        return "198.51.100." + (20 + index);
    }

    static String render(List<VmNode> nodes) {
        StringBuilder b = new StringBuilder(COMMON);
        for (int i = 0; i < nodes.size(); i++) {
            VmNode n = nodes.get(i);
            b.append("""
          ---
          schema: drydock/BaremetalNode/v1
          metadata:
            schema: metadata/Document/v1
            name: %s
            storagePolicy: cleartext
          data:
            host_profile: vm
            oob:
              port: '%d'
            addressing:
              - network: pxe
                address: %s
              - network: oob
                address: %s
            metadata:
              rack: vmrack
              boot_mac: '%s'
          """.formatted(n.name, n.ipmiPort, address(i + 1), n.bmcAddress, n.mac));
        }
        return b.toString();
    }

    private static final String COMMON = """
      schema: drydock/Region/v1
      metadata:
        schema: metadata/Document/v1
        name: vmlab
        storagePolicy: cleartext
      data:
        authorized_keys:
          - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFlhYnNpdGVvcGVyYXRvcmtleWZvcmV4YW1wbGVz operator@vmlab
      ---
      schema: drydock/Rack/v1
      metadata:
        schema: metadata/Document/v1
        name: vmrack
        storagePolicy: cleartext
      data:
        location:
          clli: VMLAB01
          grid: A1
        local_networks: [pxe]
      ---
      schema: drydock/NetworkLink/v1
      metadata:
        schema: metadata/Document/v1
        name: oob
        storagePolicy: cleartext
      data:
        bonding:
          mode: disabled
        mtu: 1500
        trunking:
          mode: disabled
          default_network: oob
        allowed_networks: [oob]
      ---
      schema: drydock/NetworkLink/v1
      metadata:
        schema: metadata/Document/v1
        name: pxe
        storagePolicy: cleartext
      data:
        bonding:
          mode: disabled
        mtu: 1500
        trunking:
          mode: disabled
          default_network: pxe
        allowed_networks: [pxe]
      ---
      schema: drydock/Network/v1
      metadata:
        schema: metadata/Document/v1
        name: oob
        storagePolicy: cleartext
      data:
        mtu: 1500
        cidr: 127.0.0.0/8
        ranges:
          - type: static
            start: 127.0.0.1
            end: 127.0.0.254
      ---
      schema: drydock/Network/v1
      metadata:
        schema: metadata/Document/v1
        name: pxe
        storagePolicy: cleartext
      data:
        mtu: 1500
        cidr: 198.51.100.0/24
        ranges:
          - type: reserved
            start: 198.51.100.1
            end: 198.51.100.20
          - type: static
            start: 198.51.100.21
            end: 198.51.100.49
          - type: dhcp
            start: 198.51.100.50
            end: 198.51.100.99
        dns:
          domain: vmlab.example.net
          servers: 198.51.100.3
      ---
      schema: drydock/HardwareProfile/v1
      metadata:
        schema: metadata/Document/v1
        name: vm
        storagePolicy: cleartext
      data:
        vendor: QEMU
        generation: '1'
        hw_version: '1'
        bios_version: SeaBIOS
        boot_mode: bios
        bootstrap_protocol: pxe
        pxe_interface: 0
        device_aliases:
          pxe_nic: {address: '0000:00:03.0', dev_type: 'virtio-net', bus_type: pci}
          rootdisk: {address: '0000:00:04.0', dev_type: 'virtio-blk', bus_type: pci}
      ---
      schema: drydock/HostProfile/v1
      metadata:
        schema: metadata/Document/v1
        name: vm
        storagePolicy: cleartext
      data:
        oob:
          type: ipmi
          network: oob
          account: admin
          credential: password
        primary_network: pxe
        hardware_profile: vm
        storage:
          physical_devices:
            rootdisk:
              partitions:
                - name: root
                  size: 22g
                  bootable: true
                  filesystem: {mountpoint: /, fstype: ext4}
        interfaces:
          pxe:
            device_link: pxe
            slaves: [pxe_nic]
            networks: [pxe]
        platform:
          image: testos
          kernel: debian-6.1
      ---
      schema: drydock/BootAction/v1
      metadata:
        schema: metadata/Document/v1
        name: hello
        storagePolicy: cleartext
      data:
        assets:
          - path: /etc/slipway-hello
            type: file
            permissions: '644'
            data: hello from the design
            data_pipeline: [utf8_decode]
      """;
}
