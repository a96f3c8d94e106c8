# Functions shared by the initramfs and test-image builds: Debian packages fetched with
# `apt-get download` into a cache and unpacked with `dpkg-deb -x`; nothing gets installed.

export PATH="$PATH:/usr/sbin:/sbin"
die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# kernel_package [FLAVOUR]: the linux-image-<version>-FLAVOUR package linux-image-FLAVOUR depends on
# (FLAVOUR amd64 by default: the generic kernel, every hardware driver; cloud-amd64: virtual
# machines only, LZ4-compressed, so it starts in less than half the CPU time under emulation).
kernel_package() {
  apt-cache depends "linux-image-${1:-amd64}" | awk '/Depends: linux-image-/ { print $2; exit }'
}

# fetch CACHE PACKAGE: downloads PACKAGE's .deb into CACHE unless it is there; prints its path.
fetch() {
  local cache=$1 pkg=$2 deb
  deb=$(ls "$cache/${pkg}_"*.deb 2>/dev/null | head -n 1)
  if [ -z "$deb" ]; then
    (cd "$cache" && apt-get download "$pkg" >&2) || die "apt-get download $pkg failed"
    deb=$(ls "$cache/${pkg}_"*.deb | head -n 1)
  fi
  echo "$deb"
}

# unpack CACHE PACKAGE: the directory holding the package's extracted files.
unpack() {
  local cache=$1 pkg=$2 deb dir
  deb=$(fetch "$cache" "$pkg")
  dir=$cache/x/$(basename "$deb" .deb); mkdir -p "$cache/x"
  [ -d "$dir" ] || { dpkg-deb -x "$deb" "$dir.tmp" && mv "$dir.tmp" "$dir"; } || die "dpkg-deb -x $deb failed"
  echo "$dir"
}

# module_closure MODDIR NAME...: the modules NAME need, each after its dependencies, as paths
# relative to MODDIR (read with modinfo from kmod; nothing is loaded on the build host).
module_closure() {
  local moddir=$1; shift
  local seen=' ' out=''
  visit() {
    local name=$1 file dep
    case "$seen" in *" $name "*) return ;; esac
    seen="$seen$name "
    file=$(find "$moddir" -name "$name.ko" -o -name "$(echo "$name" | tr _ -).ko" | head -n 1)
    [ -n "$file" ] || die "module $name not found under $moddir"
    for dep in $(modinfo -F depends "$file" | tr , ' '); do visit "$dep"; done
    out="$out${file#"$moddir"/}
"
  }
  for m in "$@"; do visit "$m"; done
  printf '%s' "$out"
}

# make_root ROOT KERNEL-DIR BUSYBOX-DIR MODULE...: a busybox root with MODULE and their
# dependencies under /lib/modules/<version>, indexed by depmod (modules.dep, modules.alias), so
# busybox modprobe loads, like udev's coldplug, only what the devices present ask for.
make_root() {
  local root=$1 kdir=$2 bbdir=$3 moddir kver ko; shift 3
  rm -rf "$root"; mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/tmp" "$root/mnt" "$root/lib/modules"
  cp "$bbdir/bin/busybox" "$root/bin/busybox"
  for a in $("$root/bin/busybox" --list); do [ -e "$root/bin/$a" ] || ln -s busybox "$root/bin/$a"; done
  moddir=$(echo "$kdir"/lib/modules/*); kver=$(basename "$moddir")
  module_closure "$moddir" "$@" | while read -r ko; do
    mkdir -p "$root/lib/modules/$kver/$(dirname "$ko")"; cp "$moddir/$ko" "$root/lib/modules/$kver/$ko"
  done
  cp "$moddir"/modules.builtin* "$moddir"/modules.order "$root/lib/modules/$kver/" 2>/dev/null
  depmod -b "$root" "$kver" || die "depmod failed"
  cp "$(dirname "${BASH_SOURCE[0]}")/coldplug" "$root/bin/coldplug"
}

# pack ROOT OUT: a gzip'd newc cpio of ROOT, owned by root.
pack() {
  (cd "$1" && find . | sort | cpio -o -H newc -R 0:0 --quiet) | gzip -9 > "$2"
}
