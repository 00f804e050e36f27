#!/bin/sh
# Entrypoint of the container image (Dockerfile). It checks, before node starts, that the data
# and digests volumes are writable by this (non-root) user, because a volume created by root is
# the usual first-run mistake and SQLite's own message ("unable to open database file") does not
# say which folder or what to do. Then it runs the compiled `briefing` command with the heap
# flags and malloc settings `npm start` uses (src/bin/runtime-node-flags.ts; test/bin checks they
# agree), as PID 1's only child via exec, so SIGTERM from `docker stop` reaches node and the bot
# stops cleanly.
set -eu

here=$(dirname "$0")
data_dir=$(dirname "${DATABASE_PATH:-/data/briefing.db}")
digests_dir=${DIGESTS_DIR:-/digests}

for dir in "$data_dir" "$digests_dir"; do
  mkdir -p "$dir" 2>/dev/null || true
  if [ ! -d "$dir" ] || [ ! -w "$dir" ]; then
    echo "briefing: $dir is not writable by user $(id -u):$(id -g); mount a volume this user owns" \
      "(e.g. chown $(id -u):$(id -g) on the host folder) or run with --user matching its owner" >&2
    exit 78
  fi
done

if [ "$#" -eq 0 ]; then set -- run; fi
# Two malloc arenas and a fixed trim threshold, as `npm start` runs it (src/bin/runtime-node-flags.ts
# RUN_ENV says why).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-1048576}"
exec node --max-semi-space-size=4 --max-old-space-size=256 "$here/briefing.mjs" "$@"
