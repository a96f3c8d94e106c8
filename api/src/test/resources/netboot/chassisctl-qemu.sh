#!/bin/bash
# ipmi_sim chassis_control program: the "server" behind one simulated BMC is a qemu VM.
#   chassisctl-qemu.sh DIR get power boot | set power 1 | set boot pxe | set reset 1 | set shutdown 1
# DIR/vm.env names the VM (MAC, DISK, TFTP, BOOT_PORT, MEM). Power = the qemu process is alive.
# Boot device: exactly one bootindex (NIC for pxe, disk otherwise) with -boot strict=on, so a wrong
# device fails visibly. IPMI next-boot-only semantics: a start consumes a pxe setting. PCI slots are
# pinned (NIC 00:03.0, disk 00:04.0) because the design names them in device_aliases.
dir="$1"; op="$2"; shift 2
. "$dir/vm.env"
[ -f "$dir/boot" ] || echo default > "$dir/boot"
alive() { [ -f "$dir/qemu.pid" ] && kill -0 "$(cat "$dir/qemu.pid")" 2>/dev/null; }
start() {
  alive && return 0
  local nic="" disk=",bootindex=1" b
  b=$(cat "$dir/boot")
  if [ "$b" = pxe ]; then nic=",bootindex=1"; disk=""; echo default > "$dir/boot"; fi
  echo "$(date +%s.%N) start boot=$b" >> "$dir/actions.log"
  rm -f "$dir/qemu.pid"
  # With GNU time present, each run's CPU seconds ("user sys") go to cpu.log for the bench's breakdown.
  local run=(qemu-system-x86_64) detach=(-daemonize)
  if [ -x /usr/bin/time ]; then run=(setsid /usr/bin/time -a -o "$dir/cpu.log" -f "%U %S" qemu-system-x86_64); detach=(); fi
  "${run[@]}" -accel tcg -machine graphics=off -m "$MEM" -nodefaults -no-user-config -display none -monitor none \
    -chardev file,id=con0,path="$dir/console.log",append=on -serial chardev:con0 -boot strict=on \
    -drive file="$DISK",if=none,format=raw,id=d0 -device virtio-blk-pci,drive=d0,addr=0x4$disk \
    -netdev "user,id=n0,restrict=on,net=198.51.100.0/24,host=198.51.100.2,dhcpstart=198.51.100.50,tftp=$TFTP,bootfile=boot.ipxe,guestfwd=tcp:198.51.100.100:80-cmd:socat -lf /dev/null STDIO TCP:127.0.0.1:$BOOT_PORT" \
    -device virtio-net-pci,netdev=n0,mac="$MAC",addr=0x3$nic "${detach[@]}" -pidfile "$dir/qemu.pid" >> "$dir/qemu.err" 2>&1 < /dev/null &
  if [ ${#detach[@]} -gt 0 ]; then wait $!; return; fi
  for i in $(seq 100); do [ -s "$dir/qemu.pid" ] && return 0; sleep 0.05; done
}
stop() {
  alive || return 0
  echo "$(date +%s.%N) stop" >> "$dir/actions.log"
  local p; p=$(cat "$dir/qemu.pid"); kill "$p"
  for i in $(seq 50); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$p"
}
case "$op" in
  get) for p in "$@"; do case "$p" in
         power) if alive; then echo power:1; else echo power:0; fi ;;
         boot) echo "boot:$(cat "$dir/boot")" ;;
       esac; done ;;
  set) while [ $# -ge 2 ]; do p="$1"; v="$2"; shift 2
         echo "$(date +%s.%N) set $p $v" >> "$dir/actions.log"
         case "$p" in
           power) if [ "$v" = 1 ]; then start; else stop; fi ;;
           reset) stop; start ;;
           shutdown) stop ;;
           boot) echo "$v" > "$dir/boot" ;;
         esac; done ;;
  check) : ;;
esac
exit 0
