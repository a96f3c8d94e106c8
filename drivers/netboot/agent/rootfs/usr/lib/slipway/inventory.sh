# Hardware inventory from sysfs and procfs, printed as the agent API's inventory JSON.
# SYS and PROC name the roots (tests point them at fake trees).
: "${SYS:=/sys}" "${PROC:=/proc}"

# Reads a one-line sysfs attribute; empty when absent or unreadable.
attr() { [ -r "$1" ] && head -n 1 "$1" 2>/dev/null | tr -d '\n'; }

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
    "$(printf %s "$n" | json_str)" "$(attr "$p/address" | json_str)" \
    "$(pci_of "$p/device" | json_str)" "$(printf %s "$drv" | json_str)" \
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
  scsi_v=null; [ -n "$scsi" ] && scsi_v=$(printf %s "$scsi" | json_str)
  printf '{"name":%s,"size_bytes":%s,"model":%s,"serial":%s,"by_path":%s,"pci":%s,"scsi":%s,"rotational":%s}' \
    "$(printf %s "$n" | json_str)" "$(( ${sectors:-0} * 512 ))" \
    "$(attr "$p/device/model" | sed 's/ *$//' | json_str)" "$(printf %s "$serial" | sed 's/ *$//' | json_str)" \
    "$(by_path "$pci" "$scsi" "$n" | json_str)" "$(printf %s "$pci" | json_str)" "$scsi_v" \
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
  local cpus model mem dmi
  cpus=$(grep -c '^processor' "$PROC/cpuinfo" 2>/dev/null)
  model=$(sed -n 's/^model name[[:space:]]*: //p' "$PROC/cpuinfo" 2>/dev/null | head -n 1)
  mem=$(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' "$PROC/meminfo" 2>/dev/null)
  dmi=$SYS/class/dmi/id
  printf '{"nics":%s,"disks":%s,"cpu":{"count":%s,"model":%s},"memory_kib":%s,"dmi":{"vendor":%s,"product":%s,"serial":%s}}' \
    "$(join nic_json $(nic_names))" "$(join disk_json $(disk_names))" "${cpus:-0}" \
    "$(printf %s "$model" | json_str)" "${mem:-0}" "$(attr "$dmi/sys_vendor" | json_str)" \
    "$(attr "$dmi/product_name" | json_str)" "$(attr "$dmi/product_serial" | json_str)"
}
