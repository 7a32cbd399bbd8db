#!/bin/sh
# Launcher of the Linux app image (bin/Duplex, so also /opt/duplex/bin/Duplex of the .deb and the .rpm), in
# place of jpackage's. JDK 17's native launcher asks rpm, then dpkg, which package owns it at every start,
# and `dpkg -S` reads the whole package database: 300 to 500 ms of every start on a Debian machine, a
# third of the time a bare JavaFX window takes to show. This starts the image's runtime as that launcher
# does (its options are the same), through exec, so SIGTERM and SIGINT reach Duplex itself.
# readlink -f: /usr/bin/duplex is a link to it. DUPLEX_JAVA_OPTIONS adds JVM options (split on white
# space), as the jlink image's launcher does.
launcher=$(readlink -f "$0")
app=$(dirname "$(dirname "$launcher")")
exec "$app/lib/runtime/bin/java" -Djpackage.app-version=@VERSION@ -Djpackage.app-path="$launcher" \
    $DUPLEX_JAVA_OPTIONS -m dev.duplex/dev.duplex.Main "$@"
