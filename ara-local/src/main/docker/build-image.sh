#!/usr/bin/env bash
# Builds the ara-local container image without any registry: a root filesystem holding a Java runtime
# (jlink'ed from the local JDK when it has jmods, else a copy of its runtime), a Python 3 interpreter with its
# standard library (ara-local runs deployed apps' tools and prompt factories in python3, as Ara does), the
# shared libraries both link against, and ara-local.jar, imported with `docker import`.
#
#   ara-local/src/main/docker/build-image.sh [path/to/ara-local.jar] [image tag]
#
# Defaults: ara-local/target/ara-local.jar and so.ara/ara-local:<project version>. The Python copied is
# $ARA_LOCAL_IMAGE_PYTHON, else /usr/bin/python3, else python3 on PATH (its site-packages are left out: the
# image has the standard library only, like the generated shims need). Exits 0 with a message when no Docker
# daemon answers, so builds without Docker still pass (container tests then report skipped).
# With ARA_LOCAL_ROOTFS=<dir> it only lays the root filesystem out in <dir> (no Docker needed), e.g. to check
# it with `chroot <dir> /usr/bin/python3 -c 'import json, hashlib'`.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/../../.." && pwd)
jar=${1:-$module/target/ara-local.jar}
tag=${2:-so.ara/ara-local:0.1.0-SNAPSHOT}

rootfs_only=${ARA_LOCAL_ROOTFS:-}
if [ -z "$rootfs_only" ] && ! docker info >/dev/null 2>&1; then
    echo "build-image: no Docker daemon answers; skipping the ara-local image" >&2
    exit 0
fi
[ -f "$jar" ] || { echo "build-image: $jar not found; run 'mvn -pl ara-local -am package' first" >&2; exit 1; }

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=${rootfs_only:-$work/rootfs}
mkdir -p "$rootfs/app" "$rootfs/tmp" "$rootfs/etc" "$rootfs/usr/bin"
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

# Python 3: the real executable and its standard library at their host paths (so the interpreter finds its
# prefix), without site-packages, tests and GUI modules; /usr/bin/python3 points at it.
python=${ARA_LOCAL_IMAGE_PYTHON:-}
if [ -z "$python" ]; then
    if [ -x /usr/bin/python3 ]; then python=/usr/bin/python3; else python=$(command -v python3 || true); fi
fi
[ -n "$python" ] || { echo "build-image: no python3 found; set ARA_LOCAL_IMAGE_PYTHON" >&2; exit 1; }
read -r py_exe py_stdlib py_platstdlib < <("$python" -c 'import sys, sysconfig; p = sysconfig.get_paths(); print(sys.executable, p["stdlib"], p["platstdlib"])')
py_exe=$(readlink -f "$py_exe")
cp --parents "$py_exe" "$rootfs"
for dir in $(printf '%s\n' "$py_stdlib" "$py_platstdlib" | sort -u); do
    mkdir -p "$rootfs$dir"
    tar -C "$dir" --exclude=./site-packages --exclude=./dist-packages --exclude=./test --exclude=./idlelib \
        --exclude=./tkinter --exclude=./turtledemo --exclude=./ensurepip --exclude=./lib2to3/tests -c . \
        | tar -C "$rootfs$dir" -x
done
[ "$py_exe" = /usr/bin/python3 ] || ln -sf "$py_exe" "$rootfs/usr/bin/python3"

# The shared libraries of both runtimes (and the dynamic loader), copied at their host paths.
{ find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0
  printf '%s\0' "$py_exe"
  find "$rootfs$py_platstdlib/lib-dynload" -name '*.so' -print0 2>/dev/null || true; } \
    | xargs -0 -n 20 ldd 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $1 !~ /:$/ {print $1}' | sort -u \
    | while read -r lib; do cp --parents -L "$lib" "$rootfs"; done
echo "root:x:0:0:root:/root:/bin/false" > "$rootfs/etc/passwd"
echo "nobody:x:65534:65534:nobody:/:/bin/false" >> "$rootfs/etc/passwd"

if [ -n "$rootfs_only" ]; then
    echo "build-image: laid out the root filesystem in $rootfs (python: $py_exe)"
    exit 0
fi
tar -C "$rootfs" -c . | docker import \
    --change 'ENTRYPOINT ["/opt/java/bin/java", "-XX:+UseSerialGC", "-Xss512k", "-jar", "/app/ara-local.jar"]' \
    --change 'ENV JAVA_HOME=/opt/java' \
    --change 'ENV PATH=/opt/java/bin:/usr/bin' \
    - "$tag" >/dev/null
echo "build-image: built $tag from $jar"
