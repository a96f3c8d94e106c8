#!/bin/bash
# Builds the node agent's boot artefacts from Debian packages:
#   OUT/vmlinuz     the kernel of linux-image-amd64 (the pinned linux-image-<version>-amd64)
#   OUT/initrd.gz   busybox-static, the NIC/disk/vfat drivers with their dependencies, the agent
#   OUT/SHA256SUMS
# Usage: build-initramfs.sh OUT [CACHE]   (CACHE keeps the downloaded .debs; default OUT/cache)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/build-lib.sh"
out=${1:?usage: build-initramfs.sh OUT [CACHE]}; cache=${2:-$out/cache}
mkdir -p "$out" "$cache"
for t in modinfo depmod; do command -v $t >/dev/null || die "$t missing (Debian package kmod)"; done
command -v cpio >/dev/null || die "cpio missing (Debian package cpio)"

# Drivers: virtio and e1000/igb/ixgbe NICs; virtio, SATA (ahci), SCSI (sd_mod) and NVMe disks;
# vfat for the NoCloud seed; af_packet for DHCP.
MODULES="virtio_pci virtio_net virtio_blk virtio_scsi e1000 e1000e igb ixgbe ahci sd_mod nvme vfat nls_cp437 nls_ascii nls_utf8"

kpkg=$(kernel_package); [ -n "$kpkg" ] || die "apt-cache knows no linux-image-amd64 dependency (apt-get update?)"
kdir=$(unpack "$cache" "$kpkg")
bbdir=$(unpack "$cache" busybox-static)
root=$out/root
make_root "$root" "$kdir" "$bbdir" $MODULES
cp -a "$here/rootfs/." "$root/"
pack "$root" "$out/initrd.gz.tmp"; mv "$out/initrd.gz.tmp" "$out/initrd.gz"
cp "$kdir"/boot/vmlinuz-* "$out/vmlinuz"
rm -rf "$root"
(cd "$out" && sha256sum vmlinuz initrd.gz > SHA256SUMS)
echo "$kpkg: $out/vmlinuz $(stat -c %s "$out/vmlinuz") bytes, $out/initrd.gz $(stat -c %s "$out/initrd.gz") bytes"
