#!/bin/sh
# Launcher of the jlink image (target/image/bin/duplex, put there by the pom). Ours rather than jlink's
# --launcher script so that the JVM takes the script's place (exec): SIGTERM and SIGINT then reach Duplex
# itself, and `duplex serve` can close its clients with 1001 and exit 0. DUPLEX_JAVA_OPTIONS adds JVM
# options (split on white space), e.g. -Dduplex.config.dir=… -Dduplex.data.dir=….
DIR=$(dirname "$0")
exec "$DIR/java" $DUPLEX_JAVA_OPTIONS -m dev.duplex/dev.duplex.Main "$@"
