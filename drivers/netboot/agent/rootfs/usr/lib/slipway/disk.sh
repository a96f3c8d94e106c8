# Disk work for the node agent: image streaming with hashing, the NoCloud seed partition, erase.
# DEV names the device directory (tests point it at a directory of plain files).
: "${DEV:=/dev}" "${SYS:=/sys}" "${WGET:=wget}"

# size_bytes DEVICE-NAME: from sysfs for a block device, from the file size for a plain file.
size_bytes() {
  if [ -r "$SYS/block/$1/size" ]; then echo $(( $(cat "$SYS/block/$1/size") * 512 ))
  else stat -c %s "$DEV/$1"; fi
}

# stream_image URL FORMAT TARGET SUMFILE [SIZE]: writes the image to TARGET; the sha256 of the
# bytes as served (before any decompression) goes to SUMFILE. Fails if the download or dd fails (a
# download that breaks, e.g. the server restarting, is the caller's to start again; wget's status is
# kept in SUMFILE.wget meanwhile). A gunzip error is recorded in SUMFILE.gunzip for the check that
# follows: the hash tells a changed image from a registered one that does not decompress. A raw image
# of known SIZE is written by wget itself and hashed by reading SIZE bytes back: one process at a time
# instead of four joined by pipes, which under emulation costs more CPU than the hashing (a short
# download leaves old bytes in the range read back, so the hash still fails).
stream_image() {
  local url format target sumfile size fifo hasher rc
  url=$1; format=$2; target=$3; sumfile=$4; size=${5:-0}
  rm -f "$sumfile" "$sumfile.gunzip" "$sumfile.wget"
  if [ "$format" = raw ] && [ "$size" -gt 0 ] 2>/dev/null; then
    "$WGET" -q -O "$target" "$url" || return 1
    sync
    dd if="$target" bs=1M iflag=count_bytes count="$size" 2>/dev/null | sha256sum | cut -d ' ' -f 1 > "$sumfile"
    echo "$size bytes written to $target"
    return 0
  fi
  fifo=/tmp/slipway-image.fifo
  rm -f "$fifo"; mkfifo "$fifo" || return 1
  sha256sum < "$fifo" | cut -d ' ' -f 1 > "$sumfile" &
  hasher=$!
  # A pipeline's status is its last command's: wget's own failure is recorded on the side.
  case "$format" in
    gzip) { "$WGET" -q -O - "$url" || echo "$?" > "$sumfile.wget"; } | tee "$fifo" |
      { gunzip -c || echo "$?" > "$sumfile.gunzip"; } | dd of="$target" bs=1M conv=fsync 2>&1 ;;
    raw) { "$WGET" -q -O - "$url" || echo "$?" > "$sumfile.wget"; } | tee "$fifo" | dd of="$target" bs=1M conv=fsync 2>&1 ;;
    *) echo "unknown image format '$format'"; kill "$hasher" 2>/dev/null; rm -f "$fifo"; return 1 ;;
  esac
  rc=$?
  wait "$hasher"; rm -f "$fifo"
  if [ -e "$sumfile.wget" ]; then
    echo "the download broke (wget exit $(cat "$sumfile.wget"))"; rm -f "$sumfile.wget"; return 1
  fi
  return $rc
}

# le32 FILE OFFSET: the little-endian 32-bit number at OFFSET.
le32() {
  od -A n -t u4 -j "$2" -N 4 "$1" | tr -d ' '
}

# put_le32 FILE OFFSET VALUE: writes VALUE little-endian at OFFSET, in place.
put_le32() {
  local v
  v=$3
  printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $((v & 255)) $((v >> 8 & 255)) $((v >> 16 & 255)) $((v >> 24 & 255)))" |
    dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# mbr_append_partition DISK SECTORS: adds a primary partition of type 0x0c (FAT32 LBA) after the
# last partition of the MBR on DISK, aligned to 1 MiB. Prints its number; fails with a reason when
# DISK has no MBR, has a GPT, has no free entry or no room left.
mbr_append_partition() {
  local disk want end free n e type start count total
  disk=$1; want=$2
  [ "$(od -A n -t x1 -j 510 -N 2 "$disk" | tr -d ' ')" = 55aa ] || { echo "no MBR partition table on $disk" >&2; return 1; }
  end=2048; free=''
  for n in 1 2 3 4; do
    e=$((446 + (n - 1) * 16))
    type=$(od -A n -t x1 -j $((e + 4)) -N 1 "$disk" | tr -d ' ')
    [ "$type" = ee ] && { echo "$disk has a GPT; the seed partition needs an MBR image" >&2; return 1; }
    if [ "$type" = 00 ]; then [ -n "$free" ] || free=$n; continue; fi
    start=$(le32 "$disk" $((e + 8))); count=$(le32 "$disk" $((e + 12)))
    [ $((start + count)) -gt "$end" ] && end=$((start + count))
  done
  [ -n "$free" ] || { echo "no free primary partition entry on $disk" >&2; return 1; }
  start=$(( (end + 2047) / 2048 * 2048 ))
  total=$(( $(size_bytes "${disk##*/}") / 512 ))
  [ $((start + want)) -le "$total" ] || { echo "no room for a $((want / 2048)) MiB seed partition after sector $start on $disk ($total sectors)" >&2; return 1; }
  e=$((446 + (free - 1) * 16))
  printf '\000\376\377\377\014\376\377\377' | dd of="$disk" bs=1 seek=$e conv=notrunc 2>/dev/null
  put_le32 "$disk" $((e + 8)) "$start"
  put_le32 "$disk" $((e + 12)) "$want"
  echo "$free"
}

# part_dev DISK-NAME N: the partition's device name (vda1, nvme0n1p1).
part_dev() {
  case "$1" in *[0-9]) echo "${1}p$2" ;; *) echo "$1$2" ;; esac
}

# write_seed DISK-NAME DIR: appends a 40 MiB CIDATA vfat partition holding DIR's files (busybox
# mkdosfs always makes FAT32, which needs more than 65524 clusters to be read as FAT32 by others).
write_seed() {
  local disk dir n part i rc
  disk=$DEV/$1; dir=$2
  n=$(mbr_append_partition "$disk" 81920) || return 1
  sync; blockdev --rereadpt "$disk" || return 1
  part=$DEV/$(part_dev "$1" "$n")
  for i in 1 2 3 4 5 6 7 8 9 10; do [ -b "$part" ] && break; sleep 0.2; done
  [ -b "$part" ] || { echo "partition $part did not appear"; return 1; }
  mkdosfs -n CIDATA "$part" >/dev/null || return 1
  mkdir -p /mnt/seed && mount -t vfat "$part" /mnt/seed || return 1
  cp "$dir"/* /mnt/seed/ && sync
  rc=$?; umount /mnt/seed; return $rc
}

# zero DEVICE START-SECTOR SECTORS
zero() {
  dd if=/dev/zero of="$1" bs=512 seek="$2" count="$3" conv=notrunc,fsync 2>/dev/null
}

# erase_disk DISK-NAME: zeroes the first and last MiB of every partition and of the disk, and the
# btrfs superblock mirror at 64 MiB, so no partition table or filesystem signature survives.
erase_disk() {
  local n total p s c edge
  n=$1; total=$(( $(size_bytes "$n") / 512 ))
  for p in "$SYS/block/$n/$n"*; do
    [ -r "$p/start" ] || continue
    s=$(cat "$p/start"); c=$(cat "$p/size")
    edge=$(( c < 2048 ? c : 2048 ))
    zero "$DEV/$n" "$s" "$edge"; zero "$DEV/$n" $((s + c - edge)) "$edge"
    [ "$c" -gt $((65 * 2048)) ] && zero "$DEV/$n" $((s + 64 * 2048)) 2048
  done
  edge=$(( total < 2048 ? total : 2048 ))
  zero "$DEV/$n" 0 "$edge" || return 1
  zero "$DEV/$n" $((total - edge)) "$edge" || return 1
  [ "$total" -gt $((65 * 2048)) ] && zero "$DEV/$n" $((64 * 2048)) 2048
  echo "$n: zeroed the first and last MiB of the disk and of each partition"
}
