#!/bin/sh
# Builds the nianbao binary to hand to clerks: a release build, fully static on Linux, so the
# machine it runs on needs no Swift runtime and `nianbao edit` starts without a dynamic loader
# (see README, "Benchmarks"). The result is .build/static/release/nianbao; its own build folder
# keeps the ordinary `swift build -c release` (benchmarks, fuzzing) from rebuilding each time.
#
# The linker warns that a static glibc program still needs the system's own glibc for user
# and group lookups (NSS) and dlopen. nianbao asks NSS only as a fallback: for the user name in
# a lock record when $USER and $LOGNAME are unset, and for the home folder when $HOME is unset.
set -eu
cd "$(dirname "$0")/.."
case "$(uname -s)" in
Linux) exec swift build -c release --product nianbao --scratch-path .build/static -Xswiftc -static-executable "$@" ;;
*) exec swift build -c release --product nianbao --scratch-path .build/static "$@" ;;
esac
