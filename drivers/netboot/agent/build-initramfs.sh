#!/bin/bash
# Builds the node agent's boot artefacts from Debian packages:
#   OUT/vmlinuz     the kernel of linux-image-FLAVOUR (the pinned linux-image-<version>-FLAVOUR)
#   OUT/initrd.gz   busybox-static, the NIC/disk/vfat drivers with their dependencies, the agent
#   OUT/SHA256SUMS
# Usage: build-initramfs.sh OUT [CACHE] [FLAVOUR]
#   CACHE keeps the downloaded .debs (default OUT/cache).
#   FLAVOUR (default $SLIPWAY_AGENT_KERNEL, else amd64): amd64 is Debian's generic kernel, for real
#   servers. cloud-amd64 suits sites of virtual machines only: no Intel NIC or AHCI drivers, but an
#   LZ4 kernel that starts in less than half the CPU time of the generic XZ one under emulation.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/build-lib.sh"
out=${1:?usage: build-initramfs.sh OUT [CACHE] [FLAVOUR]}; cache=${2:-$out/cache}
flavour=${3:-${SLIPWAY_AGENT_KERNEL:-amd64}}
mkdir -p "$out" "$cache"
for t in modinfo depmod; do command -v $t >/dev/null || die "$t missing (Debian package kmod)"; done
command -v cpio >/dev/null || die "cpio missing (Debian package cpio)"

# Drivers: virtio and e1000/igb/ixgbe NICs; virtio, SATA (ahci), SCSI (sd_mod) and NVMe disks;
# vfat for the NoCloud seed; af_packet for DHCP.
MODULES="virtio_pci virtio_net virtio_blk virtio_scsi e1000 e1000e igb ixgbe ahci sd_mod nvme vfat nls_cp437 nls_ascii nls_utf8"

kpkg=$(kernel_package "$flavour"); [ -n "$kpkg" ] || die "apt-cache knows no linux-image-$flavour dependency (apt-get update?)"
kdir=$(unpack "$cache" "$kpkg")
# The generic kernel must have every driver; another flavour leaves out what it lacks, and says so.
present=''
for m in $MODULES; do
  if [ -n "$(find "$kdir"/lib/modules -name "$m.ko" -o -name "$(echo "$m" | tr _ -).ko" | head -n 1)" ]; then present="$present $m"
  elif [ "$flavour" = amd64 ]; then die "$kpkg has no module $m"
  else echo "$kpkg: no module $m (built in, or not in this flavour)"; fi
done
bbdir=$(unpack "$cache" busybox-static)
root=$out/root
make_root "$root" "$kdir" "$bbdir" $present
cp -a "$here/rootfs/." "$root/"
pack "$root" "$out/initrd.gz.tmp"; mv "$out/initrd.gz.tmp" "$out/initrd.gz"
cp "$kdir"/boot/vmlinuz-* "$out/vmlinuz"
rm -rf "$root"
(cd "$out" && sha256sum vmlinuz initrd.gz > SHA256SUMS)
echo "$kpkg: $out/vmlinuz $(stat -c %s "$out/vmlinuz") bytes, $out/initrd.gz $(stat -c %s "$out/initrd.gz") bytes"
