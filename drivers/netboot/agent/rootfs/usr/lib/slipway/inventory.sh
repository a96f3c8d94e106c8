# Hardware inventory from sysfs and procfs, printed as the agent API's inventory JSON.
# SYS and PROC name the roots (tests point them at fake trees).
: "${SYS:=/sys}" "${PROC:=/proc}"

# Reads a one-line sysfs attribute; empty when absent or unreadable. Shell builtins only: under
# emulation every process started costs milliseconds, and the inventory reads dozens of attributes.
attr() {
  local v
  v=''
  [ -r "$1" ] && IFS= read -r v < "$1" 2>/dev/null
  printf '%s' "$v"
}

# rtrim TEXT: TEXT without its trailing spaces (SCSI models and serials are space-padded).
rtrim() { printf '%s' "${1%"${1##*[! ]}"}"; }

# The PCI address (0000:00:03.0) of a sysfs device path: the nearest ancestor named like one.
pci_of() {
  local d
  d=$(readlink -f "$1" 2>/dev/null) || return 0
  while [ -n "$d" ] && [ "$d" != / ]; do
    case "${d##*/}" in
      [0-9a-f][0-9a-f][0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f].[0-7]) echo "${d##*/}"; return 0 ;;
    esac
    d=${d%/*}
  done
}

# The SCSI address (host:channel:target:lun) of a sysfs device path, if it has one.
scsi_of() {
  local d
  d=$(readlink -f "$1" 2>/dev/null) || return 0
  case "${d##*/}" in *:*:*:*) echo "${d##*/}" | grep -E '^[0-9]+:[0-9]+:[0-9]+:[0-9]+$' ;; esac
}

nic_json() {
  local n p drv carrier speed
  n=$1; p=$SYS/class/net/$n
  drv=$(readlink "$p/device/driver" 2>/dev/null); drv=${drv##*/}
  carrier=$(attr "$p/carrier"); speed=$(attr "$p/speed")
  case "$speed" in ''|*[!0-9-]*) speed=-1 ;; esac
  printf '{"name":%s,"mac":%s,"pci":%s,"driver":%s,"link":%s,"speed_mbps":%s}' \
    "$(jstr "$n")" "$(jstr "$(attr "$p/address")")" \
    "$(jstr "$(pci_of "$p/device")")" "$(jstr "$drv")" \
    "$([ "$carrier" = 1 ] && echo true || echo false)" "$speed"
}

# Physical NICs only: those with a backing device (no lo, bridges, bonds or VLANs).
nic_names() {
  local p
  for p in "$SYS"/class/net/*; do [ -e "$p/device" ] && echo "${p##*/}"; done
}

# Whole disks: no loop, ram, zram, optical or device-mapper nodes.
disk_names() {
  local p n
  for p in "$SYS"/block/*; do
    n=${p##*/}
    case "$n" in loop*|ram*|zram*|sr*|dm-*|md*|fd*) continue ;; esac
    [ -e "$p/device" ] && echo "$n"
  done
}

# by-path name as udev's path_id builds it for the common cases (virtio, SCSI/SAS, NVMe).
by_path() {
  local pci scsi name
  pci=$1; scsi=$2; name=$3
  [ -n "$pci" ] || return 0
  if [ -n "$scsi" ]; then
    echo "pci-$pci-scsi-0:${scsi#*:}"
  elif [ "${name#nvme}" != "$name" ]; then
    echo "pci-$pci-nvme-$(echo "$name" | sed -n 's/^nvme[0-9]*n\([0-9]*\).*/\1/p')"
  else
    echo "pci-$pci"
  fi
}

disk_json() {
  local n p sectors pci scsi serial scsi_v
  n=$1; p=$SYS/block/$n
  sectors=$(attr "$p/size"); pci=$(pci_of "$p/device"); scsi=$(scsi_of "$p/device")
  serial=$(attr "$p/device/serial"); [ -n "$serial" ] || serial=$(attr "$p/serial")
  [ -n "$serial" ] || serial=$(attr "$p/device/vpd_pg80" | tr -cd '[:print:]' | sed 's/^ *//')
  scsi_v=null; [ -n "$scsi" ] && scsi_v=$(jstr "$scsi")
  printf '{"name":%s,"size_bytes":%s,"model":%s,"serial":%s,"by_path":%s,"pci":%s,"scsi":%s,"rotational":%s}' \
    "$(jstr "$n")" "$(( ${sectors:-0} * 512 ))" \
    "$(jstr "$(rtrim "$(attr "$p/device/model")")")" "$(jstr "$(rtrim "$serial")")" \
    "$(jstr "$(by_path "$pci" "$scsi" "$n")")" "$(jstr "$pci")" "$scsi_v" \
    "$([ "$(attr "$p/queue/rotational")" = 0 ] && echo false || echo true)"
}

# join FUNCTION NAME...: the JSON array of FUNCTION's output for each NAME.
join() {
  local f sep x
  f=$1; shift; sep=''; printf '['
  for x in "$@"; do printf '%s' "$sep"; "$f" "$x"; sep=','; done
  printf ']'
}

inventory_json() {
  local cpus model mem dmi line
  cpus=$(grep -c '^processor' "$PROC/cpuinfo" 2>/dev/null)
  model=''
  while IFS= read -r line; do
    case "$line" in "model name"*) model=${line#*: }; break ;; esac
  done < "$PROC/cpuinfo"
  mem=$(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' "$PROC/meminfo" 2>/dev/null)
  dmi=$SYS/class/dmi/id
  printf '{"nics":%s,"disks":%s,"cpu":{"count":%s,"model":%s},"memory_kib":%s,"dmi":{"vendor":%s,"product":%s,"serial":%s}}' \
    "$(join nic_json $(nic_names))" "$(join disk_json $(disk_names))" "${cpus:-0}" \
    "$(jstr "$model")" "${mem:-0}" "$(jstr "$(attr "$dmi/sys_vendor")")" \
    "$(jstr "$(attr "$dmi/product_name")")" "$(jstr "$(attr "$dmi/product_serial")")"
}
