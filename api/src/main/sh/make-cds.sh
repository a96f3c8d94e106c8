#!/bin/sh
# make-cds.sh DIR [DESIGN]: writes DIR/slipway.jsa, the AppCDS archive of the classes a set of typical
# one-shot commands load (validate, design generate, a client call, usage), for the `slipway`
# launcher. Run at package time; run it again after moving the jar or changing the JDK.
set -e
dir=$(cd "$1" && pwd)
design=${2:-}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
rm -f "$dir/slipway.jsa"
start=$(date +%s)
# A private rule cache so the training neither reads nor fills the user's.
SLIPWAY_CACHE_DIR="$scratch/cache" "$java" -XX:ArchiveClassesAtExit="$dir/slipway.jsa" -XX:TieredStopAtLevel=1 \
  -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$dir/slipway.jar" io.slipway.api.cli.CdsTraining "$scratch" $design
echo "make-cds: $dir/slipway.jsa ($(($(wc -c < "$dir/slipway.jsa") / 1048576)) MiB) in $(($(date +%s) - start)) s"
