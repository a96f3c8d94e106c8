#!/bin/bash
# Builds the test OS image of the VM proof and the bench from Debian packages: an MBR disk whose
# one FAT partition holds SYSLINUX, the linux-image-cloud-amd64 kernel (the test OS only ever runs
# in a VM; its LZ4 kernel starts in less than half the CPU time of the XZ generic one under TCG) and a busybox initramfs running
# testos/init. Not for real nodes: it only shows that the disk the agent wrote boots and applies
# its NoCloud seed.
#   OUT/testos.img.gz  (gzip of the raw disk image)  and  OUT/testos.img.gz.sha256
#   OUT/testos.img     (the raw disk image)          and  OUT/testos.img.sha256
# Usage: build-testos.sh OUT [CACHE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../build-lib.sh"
out=${1:?usage: build-testos.sh OUT [CACHE]}; cache=${2:-$out/cache}
mkdir -p "$out" "$cache"
for t in mkfs.fat syslinux mcopy cpio modinfo depmod; do command -v $t >/dev/null || die "$t missing (syslinux, mtools, dosfstools, cpio, kmod)"; done
mbr=/usr/lib/syslinux/mbr/mbr.bin; [ -r $mbr ] || die "$mbr missing (Debian package syslinux-common)"

kdir=$(unpack "$cache" "$(kernel_package cloud-amd64)")
bbdir=$(unpack "$cache" busybox-static)
work=$out/testos.work; rm -rf "$work"; mkdir -p "$work"
make_root "$work/root" "$kdir" "$bbdir" virtio_pci virtio_net virtio_blk vfat nls_cp437 nls_ascii
cp "$here/init" "$work/root/init"
pack "$work/root" "$work/initrd.gz"

# The FAT partition from sector 2048 (hidden sectors tell the boot sector where it is), sized to
# hold the kernel and the initramfs with 3 MiB to spare.
cp "$kdir"/boot/vmlinuz-* "$work/vmlinuz"
mib=$(( ($(stat -c %s "$work/vmlinuz") + $(stat -c %s "$work/initrd.gz")) / 1048576 + 3 ))
part=$work/part.img; sectors=$((mib * 2048))
truncate -s $((sectors * 512)) "$part"
mkfs.fat -F 16 -h 2048 -n SLIPWAYOS "$part" >/dev/null
syslinux --install "$part"
printf 'DEFAULT os\nPROMPT 0\nTIMEOUT 0\nLABEL os\n  KERNEL vmlinuz\n  APPEND initrd=initrd.gz console=ttyS0 quiet\n' > "$work/syslinux.cfg"
mcopy -i "$part" "$work/vmlinuz" "$work/initrd.gz" "$work/syslinux.cfg" ::

# The disk: SYSLINUX's MBR code, one active partition of type 0x0e (FAT16 LBA), then the FAT.
img=$work/testos.img
truncate -s $(( (2048 + sectors) * 512 )) "$img"
dd if=$mbr of="$img" bs=440 count=1 conv=notrunc status=none
le32() { printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($1 & 255)) $(($1 >> 8 & 255)) $(($1 >> 16 & 255)) $(($1 >> 24 & 255)))"; }
{ printf '\200\376\377\377\016\376\377\377'; le32 2048; le32 $sectors; } | dd of="$img" bs=1 seek=446 conv=notrunc status=none
printf '\125\252' | dd of="$img" bs=1 seek=510 conv=notrunc status=none
dd if="$part" of="$img" bs=1M seek=1 conv=notrunc status=none
gzip -1 -c "$img" > "$out/testos.img.gz.tmp"; mv "$out/testos.img.gz.tmp" "$out/testos.img.gz"
sha256sum "$out/testos.img.gz" | cut -d ' ' -f 1 > "$out/testos.img.gz.sha256"
mv "$img" "$out/testos.img"
sha256sum "$out/testos.img" | cut -d ' ' -f 1 > "$out/testos.img.sha256"
rm -rf "$work"
echo "test OS image: $out/testos.img.gz $(stat -c %s "$out/testos.img.gz") bytes, sha256 $(cat "$out/testos.img.gz.sha256")"
