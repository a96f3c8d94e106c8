# The node agent: talks to Slipway's boot listener (agent API, see docs/netboot.md) and runs jobs.
# Needs URL (boot listener base), TOKEN (job token) and NODE; WORK is its scratch directory.
: "${WORK:=/tmp/slipway}" "${POLL_WAIT:=25}" "${BACKOFF_MAX:=10}" "${WGET:=wget}"

log() { echo "slipway-agent: $*" >&2; }

# api METHOD PATH [BODY-FILE]: one call; the response body lands in $WORK/resp.
# Returns 0 on 2xx, 2 on 401, 3 on any other 4xx, 1 on a connection error or 5xx (worth retrying).
api() {
  local post err
  post=''; [ "$1" = POST ] && post="--post-file ${3:-/dev/null}"
  # shellcheck disable=SC2086
  timeout $((POLL_WAIT + 30)) "$WGET" -q -O "$WORK/resp" --header "Authorization: Bearer $TOKEN" \
    --header 'Content-Type: application/json' $post "$URL$2" 2> "$WORK/wget.err" && return 0
  err=$(cat "$WORK/wget.err")
  case "$err" in
    *'server returned error: HTTP/1.'?' 401'*) return 2 ;;
    *'server returned error: HTTP/1.'?' 4'*) log "$1 $2: $err"; return 3 ;;
    *) log "$1 $2: ${err:-no answer}"; return 1 ;;
  esac
}

# call METHOD PATH [BODY-FILE]: api with retries and back-off on connection errors (the server may
# be restarting), forever. A 401 means the job is over: the agent stops talking and idles.
call() {
  local delay rc
  delay=1
  while :; do
    api "$@"; rc=$?
    case $rc in
      0|3) return $rc ;;
      2) idle "401 from $2: token refused" ;;
    esac
    sleep "$delay"; delay=$((delay * 2)); [ "$delay" -gt "$BACKOFF_MAX" ] && delay=$BACKOFF_MAX
  done
}

idle() {
  log "$1; idling"
  while :; do sleep 3600; done
}

# post PATH JSON: POSTs a JSON document (with retries).
post() {
  printf '%s' "$2" > "$WORK/req.json"
  call POST "$1" "$WORK/req.json"
}

# status JOB STEP STATUS [OUTPUT-FILE]: reports a step; output is the tail (<= 4 KiB) of the file.
status() {
  local out
  out='""'; [ -n "$4" ] && [ -r "$4" ] && out=$(tail -c 4096 "$4" | json_str)
  log "$2 $3"
  post /agent/v1/status "$(printf '{"job_id":%s,"step":"%s","status":"%s","output":%s}' \
    "$(printf %s "$1" | json_str)" "$2" "$3" "$out")"
}

# step JOB STEP COMMAND...: runs COMMAND with its output in a log, reporting running/success/failed.
step() {
  local j s
  j=$1; s=$2; shift 2
  status "$j" "$s" running
  if "$@" > "$WORK/$s.log" 2>&1; then status "$j" "$s" success "$WORK/$s.log"; return 0; fi
  status "$j" "$s" failed "$WORK/$s.log"; return 1
}

job_inspect() {
  inventory_json > "$WORK/inventory.json" || return 1
  call POST /agent/v1/inventory "$WORK/inventory.json" || return 1
  echo "inventory: $(wc -c < "$WORK/inventory.json") bytes"
}

job_erase() {
  local rc d
  rc=0
  for d in $(disk_names); do erase_disk "$d" || rc=1; done
  return $rc
}

verify_image() {
  local got
  got=$(cat "$WORK/image.sha256")
  if [ "$got" = "$1" ] && [ ! -e "$WORK/image.sha256.gunzip" ]; then echo "sha256 $got"; return 0; fi
  zero "$DEV/$2" 0 2048
  if [ "$got" = "$1" ]; then
    echo "the image matches its sha256 but does not decompress (gunzip exit $(cat "$WORK/image.sha256.gunzip")); first MiB of /dev/$2 wiped"
  else
    echo "sha256 mismatch: expected $1 got $got; first MiB of /dev/$2 wiped"
  fi
  return 1
}

seed_files() {
  local f
  rm -rf "$WORK/seed"; mkdir -p "$WORK/seed"
  for f in meta-data user-data network-config; do
    json_get ".seed.$f" < "$WORK/job.json" | json_decode > "$WORK/seed/$f"
  done
  [ -s "$WORK/seed/meta-data" ] || { echo "the job carries no seed meta-data"; return 1; }
  write_seed "$1" "$WORK/seed" && echo "NoCloud seed (CIDATA) written to $1"
}

# write_image JOB URL FORMAT DISK [SIZE]: streams the image; a broken download (the server
# restarting) is started again after a pause, a refused one (4xx, unknown format) fails the step.
write_image() {
  local n
  status "$1" write-image running
  n=0
  until stream_image "$2" "$3" "$DEV/$4" "$WORK/image.sha256" "$5" > "$WORK/write-image.log" 2>&1; do
    if grep -q -e 'returned error: HTTP/1.. 4' -e 'unknown image format' "$WORK/write-image.log"; then
      status "$1" write-image failed "$WORK/write-image.log"; return 1
    fi
    n=$((n + 1)); log "image download broke (attempt $n), starting again"; sleep 3
  done
  echo "image written to /dev/$4" >> "$WORK/write-image.log"
  status "$1" write-image success "$WORK/write-image.log"
}

job_deploy() {
  local id disk url sum fmt size
  id=$1; disk=$(json_get .root_disk < "$WORK/job.json")
  url=$(json_get .image.url < "$WORK/job.json"); sum=$(json_get .image.sha256 < "$WORK/job.json")
  fmt=$(json_get .image.format < "$WORK/job.json"); size=$(json_get .image.size < "$WORK/job.json")
  [ -n "$disk" ] && [ -e "$DEV/$disk" ] || { echo "root disk '$disk' not found" > "$WORK/write-image.log"; status "$id" write-image failed "$WORK/write-image.log"; return 1; }
  write_image "$id" "$url" "${fmt:-raw}" "$disk" "$size" || return 1
  step "$id" verify verify_image "$sum" "$disk" || return 1
  step "$id" seed seed_files "$disk" || return 1
  post /agent/v1/installed "$(printf '{"job_id":%s,"sha256":"%s"}' "$(printf %s "$id" | json_str)" "$sum")"
}

# main: long-polls for jobs and runs them, forever.
agent_main() {
  local job id
  mkdir -p "$WORK"
  while :; do
    call GET "/agent/v1/job?wait=$POLL_WAIT" || { sleep 2; continue; }
    cp "$WORK/resp" "$WORK/job.json"
    job=$(json_get .job < "$WORK/job.json"); id=$(json_get .id < "$WORK/job.json")
    case "$job" in
      inspect) step "$id" inventory job_inspect ;;
      deploy) job_deploy "$id" ;;
      erase) step "$id" erase job_erase ;;
      poweroff) log "powering off"; sync; poweroff -f ;;
      reboot) log "rebooting"; sync; reboot -f ;;
      wait|'') ;;
      *) log "unknown job '$job'"; sleep 2 ;;
    esac
  done
}
