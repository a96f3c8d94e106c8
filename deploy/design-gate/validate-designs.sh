#!/usr/bin/env bash
# Validate every site design in a design repository with slipway.jar; use it as a CI step or a
# pre-commit hook in the repository that holds the YAML (not in Slipway's own repository).
#
#   SLIPWAY_JAR=/opt/slipway/slipway.jar validate-designs.sh [--each-file] [DESIGN_DIR...]
#
# Each directory is validated as one design (all its *.yaml files together); with --each-file every
# file is a design of its own. Exit status: 0 when all pass, 1 when any design has errors, 2 when
# input or rules were unusable.
set -uo pipefail
jar=${SLIPWAY_JAR:-/opt/slipway/slipway.jar}
[ -f "$jar" ] || { echo "validate-designs: slipway.jar not found at $jar (set SLIPWAY_JAR)" >&2; exit 2; }
each=0
if [ "${1:-}" = "--each-file" ]; then each=1; shift; fi
[ $# -gt 0 ] || set -- .
status=0
run() {
  java -jar "$jar" validate "$@"
  local rc=$?
  [ $rc -gt $status ] && status=$rc
}
for dir in "$@"; do
  mapfile -t files < <(find "$dir" -maxdepth 1 -name '*.yaml' -o -maxdepth 1 -name '*.yml' | sort)
  if [ ${#files[@]} -eq 0 ]; then
    echo "validate-designs: no YAML files in $dir" >&2
    continue
  fi
  if [ $each -eq 1 ]; then
    for f in "${files[@]}"; do echo "== $f"; run "$f"; done
  else
    echo "== $dir (${#files[@]} files)"
    run "${files[@]}"
  fi
done
exit $status
