#!/bin/sh
# make-cds.sh DIR [DESIGN]: writes DIR/slipway.jsa, the AppCDS archive of the classes a set of typical
# one-shot commands load (validate, design generate, client calls, usage), for the `slipway`
# launcher. A static archive (class list, then -Xshare:dump) rather than a dynamic one: JDK 17 leaves
# pre-Java-6 class files, such as picocli's, out of dynamic archives. Run at package time; run it
# again after moving the jar or changing the JDK.
set -e
dir=$(cd "$1" && pwd)
design=${2:-}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
rm -f "$dir/slipway.jsa"
start=$(date +%s)
# A private rule cache so the training neither reads nor fills the user's.
SLIPWAY_CACHE_DIR="$scratch/cache" "$java" -XX:DumpLoadedClassList="$scratch/classes.lst" -XX:TieredStopAtLevel=1 \
  -XX:+UseSerialGC -cp "$dir/slipway.jar" io.slipway.api.cli.CdsTraining "$scratch" $design
"$java" -Xshare:dump -XX:SharedClassListFile="$scratch/classes.lst" -XX:SharedArchiveFile="$dir/slipway.jsa" \
  -Xlog:cds=off -Xlog:gc+verify=off -cp "$dir/slipway.jar" > "$scratch/dump.log" 2>&1 || { cat "$scratch/dump.log"; exit 1; }
echo "make-cds: $dir/slipway.jsa ($(($(wc -c < "$dir/slipway.jsa") / 1048576)) MiB, $(wc -l < "$scratch/classes.lst") classes) in $(($(date +%s) - start)) s"
