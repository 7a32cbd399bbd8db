#!/usr/bin/env bash
# The installer tests (issue 5), run by .ci/run after `mvn verify`; kept out of `mvn verify` because they
# build a runtime, install a package and need root. On a Debian machine with Xvfb, xdotool, ImageMagick:
#
#   packaging/linux/test-packages.sh            builds with `mvn -Pinstaller`, then tests
#   packaging/linux/test-packages.sh --no-build tests what target/installer already holds
#
# 0. The sizes: the app image folder under 80 MB, the .deb under 45 MB.
# 1. The portable app image, unpacked somewhere else, runs `serve` and answers an echo.
# 2. The .deb installs with dpkg; its launcher opens the window under Xvfb with the right title, the
#    embedded server it starts by itself answers an echo through the installed `connect`, Ctrl+Q closes
#    the window and every connection, no process is left, and dpkg removes it all again. `duplex` is on
#    the PATH and its bash completion in /usr/share/bash-completion/completions, loaded by bash-completion
#    on demand; both go with `dpkg -r`. Its menu entry is the handler of ws:// and wss:// links, passed on
#    to the launcher, until it is removed.
# Every wait has a deadline and waits for a thing to happen (a line, a window, an exit), not for a time.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=$root/target/installer
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

step() { printf '\n== %s\n' "$*"; }
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  if [ -s "${work:-}/app.log" ]; then printf -- '-- the window app printed:\n' >&2; tail -40 "$work/app.log" >&2; fi
  exit 1
}
# waitfor SECONDS DESCRIPTION COMMAND...: runs COMMAND until it succeeds, or fails the test at the deadline.
waitfor() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || fail "waited ${seconds}s for $what"
    sleep 0.1
  done
}

if [ "${1:-}" != "--no-build" ]; then
  step "build: mvn -Pinstaller"
  mvn -B -q -Pinstaller -DskipTests package
fi
version=$(sed -n 's:^ *<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
deb=$(ls "$out"/duplex_"$version"-*_amd64.deb)
tarball=$out/Duplex-$version-linux-x64.tar.gz
[ -f "$deb" ] && [ -f "$tarball" ] || fail "no .deb or app image archive in $out"

completion=/usr/share/bash-completion/completions/duplex

step "sizes"
image_mb=$(du -sm "$out/Duplex" | cut -f1)
deb_mb=$(( $(stat -c %s "$deb") / 1024 / 1024 ))
tar_mb=$(( $(stat -c %s "$tarball") / 1024 / 1024 ))
archive_mb=$(( $(stat -c %s "$out/Duplex/lib/runtime/lib/server/classes.jsa") / 1024 / 1024 ))
echo "app image folder ${image_mb} MB (target 80; its class-data-sharing archive ${archive_mb} MB), as .tar.gz ${tar_mb} MB; .deb ${deb_mb} MB (target 45)"
[ "$image_mb" -lt 80 ] || fail "the app image is ${image_mb} MB, over 80 MB"
[ "$deb_mb" -lt 45 ] || fail ".deb is ${deb_mb} MB, over 45 MB"

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# ---- 1. the app image, unpacked anywhere --------------------------------------------------------------
step "app image: unpack elsewhere, serve, echo"
tar -xzf "$tarball" -C "$work"
app=$work/Duplex/bin/Duplex
[ -f "$work/Duplex/lib/runtime/share/bash-completion/completions/duplex" ] || fail "no bash completion in the app image"
[ "$("$app" --version)" = "duplex $version" ] || fail "app image --version: $("$app" --version)"
"$app" serve --port 0 --bind 127.0.0.1 >"$work/serve.log" 2>&1 &
serve_pid=$!; pids+=("$serve_pid")
waitfor 30 "serve to listen" grep -q 'listening on ws://' "$work/serve.log"
url=$(grep -o 'ws://[^ ]*' "$work/serve.log" | head -1)
printf 'hello from the app image\n' | "$app" connect "$url" >"$work/connect.log" 2>&1 \
  || fail "app image connect failed: $(cat "$work/connect.log")"
grep -q 'onmessage.*hello from the app image' "$work/connect.log" || fail "no echo: $(cat "$work/connect.log")"
kill -TERM "$serve_pid"
wait "$serve_pid" || fail "serve did not exit 0 on SIGTERM"
echo "ok: $url echoed"

# ---- 2. the .deb --------------------------------------------------------------------------------------
step "deb: install with dpkg"
$sudo dpkg -r duplex >/dev/null 2>&1 || true
if ! $sudo dpkg -i "$deb"; then
  # dpkg does not fetch dependencies; apt completes the install it started.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -f
fi
dpkg -s duplex | grep -q '^Status: install ok installed' || fail "duplex is not installed"
launcher=/opt/duplex/bin/Duplex
[ -x "$launcher" ] || fail "$launcher missing"
desktop=$(ls /usr/share/applications/duplex*.desktop 2>/dev/null | head -1)
[ -n "$desktop" ] || fail "no desktop entry in /usr/share/applications"
grep -q '^Categories=Development;Network;' "$desktop" || fail "desktop entry categories: $(cat "$desktop")"
grep -q '^Comment\[zh_CN\]=' "$desktop" || fail "desktop entry has no Chinese comment"
grep -q "^Exec=$launcher" "$desktop" || fail "desktop entry does not start $launcher"
grep -q "^Exec=$launcher %u\$" "$desktop" || fail "desktop entry does not pass the link on: $(grep '^Exec=' "$desktop")"
grep -q '^MimeType=x-scheme-handler/ws;x-scheme-handler/wss;' "$desktop" || fail "desktop entry takes no ws:// links"
echo "ok: installed, menu entry $desktop"

step "deb: ws:// and wss:// links open Duplex"
for scheme in ws wss; do
  # HOME is the test's own folder, so a mimeapps.list of this machine's root cannot answer instead.
  # No desktop named either, so xdg-mime reads the freedesktop files (mimeinfo.cache) itself.
  handler=$(env -u XDG_CURRENT_DESKTOP -u DESKTOP_SESSION -u KDE_FULL_SESSION -u GNOME_DESKTOP_SESSION_ID \
    HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data \
    xdg-mime query default "x-scheme-handler/$scheme") || true
  [ "$handler" = "$(basename "$desktop")" ] || fail "x-scheme-handler/$scheme opens '$handler', not $(basename "$desktop")"
done
echo "ok: xdg-mime names $(basename "$desktop") for ws:// and wss://"

step "deb: the installed launcher's command line"
[ "$("$launcher" --version)" = "duplex $version" ] || fail "installed --version: $("$launcher" --version)"
[ "$(readlink /usr/bin/duplex)" = "$launcher" ] || fail "/usr/bin/duplex is not a link to $launcher: $(ls -l /usr/bin/duplex 2>&1)"
[ "$(env -i PATH=/usr/bin:/bin duplex --version)" = "duplex $version" ] || fail "duplex on the PATH: $(duplex --version 2>&1)"
echo "ok: duplex --version from the PATH"

step "deb: bash completion"
[ -f "$completion" ] || fail "$completion is missing"
registered=$(bash -c "source $completion && complete -p duplex") || fail "sourcing $completion failed: $registered"
echo "$registered" | grep -q -- '-F .* duplex' || fail "complete -p duplex printed: $registered"
# As a user's shell does it: bash-completion finds the file by the command's name on the first Tab
# (__load_completion; it looks in ~/.local/share first, so HOME is the test's own folder).
loaded=$(HOME=$work bash -c 'source /usr/share/bash-completion/bash_completion && __load_completion duplex && complete -p duplex') \
  || fail "bash-completion found no completion for duplex: $loaded"
[ "$loaded" = "$registered" ] || fail "bash-completion loaded '$loaded', not '$registered'"
echo "ok: $registered"

step "deb: double-click start under Xvfb"
display=:$((90 + RANDOM % 400))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=("$!")
export DISPLAY=$display
waitfor 20 "Xvfb on $display" xdotool getdisplaygeometry
# A first start: no settings yet. The script chooses the server's port so that it knows where to connect.
export XDG_CONFIG_HOME=$work/config
mkdir -p "$XDG_CONFIG_HOME/duplex"
port=$((20000 + RANDOM % 20000))
printf 'port=%s\n' "$port" >"$XDG_CONFIG_HOME/duplex/settings.properties"
"$launcher" >"$work/app.log" 2>&1 &
app_pid=$!; pids+=("$app_pid")
waitfor 60 "the window" xdotool search --onlyvisible --name '^Duplex'
wid=$(xdotool search --onlyvisible --name '^Duplex' | head -1)
title=$(xdotool getwindowname "$wid")
[ "$title" = "Duplex $version" ] || fail "window title is '$title', not 'Duplex $version'"
echo "ok: window $wid '$title'"

step "deb: the embedded server answers the installed launcher's connect"
echo_ok() { printf 'ping from the deb\n' | "$launcher" connect "ws://127.0.0.1:$port/" 2>&1 | grep -q 'onmessage.*ping from the deb'; }
waitfor 30 "an echo from the window's server on port $port" echo_ok
echo "ok: ws://127.0.0.1:$port/ echoed"
# A client that stays connected: closing the window must close it too (1001, going away).
mkfifo "$work/held.in"
"$launcher" connect "ws://127.0.0.1:$port/" <"$work/held.in" >"$work/held.log" 2>&1 &
held_pid=$!; pids+=("$held_pid")
exec 7>"$work/held.in"
waitfor 20 "the held client to open" grep -q onopen "$work/held.log"
import -display "$display" -window root "$out/installed-window.png"
echo "screenshot: $out/installed-window.png"

step "deb: Ctrl+Q closes the window, the server and its clients"
xdotool windowfocus --sync "$wid"
xdotool key --clearmodifiers ctrl+q
waitfor 30 "the app to exit" bash -c "! kill -0 $app_pid"
wait "$app_pid" || fail "the app exited with status $?"
set +e; wait "$held_pid"; held_status=$?; set -e
grep -q 'onclose.*1001' "$work/held.log" || fail "the held client did not see 1001: $(cat "$work/held.log")"
exec 7>&-
[ "$held_status" -eq 0 ] || fail "the held client exited $held_status"
if pgrep -f '^/opt/duplex/' >/dev/null; then fail "processes left: $(pgrep -af '^/opt/duplex/')"; fi
echo "ok: exited, the held client saw 1001, no process left"

step "deb: remove"
$sudo dpkg -r duplex
if dpkg -s duplex 2>/dev/null | grep -q '^Status: install ok installed'; then fail "still installed"; fi
[ ! -e /opt/duplex ] || fail "/opt/duplex is still there: $(ls -R /opt/duplex | head)"
[ ! -e "$desktop" ] || fail "the menu entry $desktop is still there"
if grep -qs 'duplex' /usr/share/applications/mimeinfo.cache; then fail "mimeinfo.cache still names Duplex"; fi
[ ! -e "$completion" ] || fail "the bash completion $completion is still there"
[ ! -e /usr/bin/duplex ] && [ ! -L /usr/bin/duplex ] || fail "/usr/bin/duplex is still there"
echo "ok: removed"

printf '\nAll installer tests passed.\n'
