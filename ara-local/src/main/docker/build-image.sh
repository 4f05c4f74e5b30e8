#!/usr/bin/env bash
# Builds the ara-local container image without any registry: a root filesystem holding a Java runtime
# (jlink'ed from the local JDK when it has jmods, else a copy of its runtime), the shared libraries that
# runtime links against, and ara-local.jar, imported with `docker import`.
#
#   ara-local/src/main/docker/build-image.sh [path/to/ara-local.jar] [image tag]
#
# Defaults: ara-local/target/ara-local.jar and so.ara/ara-local:<project version>. Exits 0 with a message
# when no Docker daemon answers, so builds without Docker still pass (container tests then report skipped).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/../../.." && pwd)
jar=${1:-$module/target/ara-local.jar}
tag=${2:-so.ara/ara-local:0.1.0-SNAPSHOT}

if ! docker info >/dev/null 2>&1; then
    echo "build-image: no Docker daemon answers; skipping the ara-local image" >&2
    exit 0
fi
[ -f "$jar" ] || { echo "build-image: $jar not found; run 'mvn -pl ara-local -am package' first" >&2; exit 1; }

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
mkdir -p "$rootfs/app" "$rootfs/tmp" "$rootfs/etc"
chmod 1777 "$rootfs/tmp"

modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.zipfs
if [ -d "$java_home/jmods" ]; then
    "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
        --output "$rootfs/opt/java"
else
    mkdir -p "$rootfs/opt/java"
    cp -a "$java_home/bin" "$java_home/conf" "$java_home/lib" "$rootfs/opt/java/"
fi
cp "$jar" "$rootfs/app/ara-local.jar"

# The shared libraries of the runtime (and the dynamic loader), copied at their host paths.
find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 -n 20 ldd 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $1 !~ /:$/ {print $1}' | sort -u \
    | while read -r lib; do cp --parents -L "$lib" "$rootfs"; done
echo "root:x:0:0:root:/root:/bin/false" > "$rootfs/etc/passwd"
echo "nobody:x:65534:65534:nobody:/:/bin/false" >> "$rootfs/etc/passwd"

tar -C "$rootfs" -c . | docker import \
    --change 'ENTRYPOINT ["/opt/java/bin/java", "-XX:+UseSerialGC", "-Xss512k", "-jar", "/app/ara-local.jar"]' \
    --change 'ENV JAVA_HOME=/opt/java' \
    --change 'ENV PATH=/opt/java/bin' \
    - "$tag" >/dev/null
echo "build-image: built $tag from $jar"
