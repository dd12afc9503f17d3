#!/usr/bin/env bash
# Issue 23: the resident set of the app (release build, a whole process in tmux, as a user runs
# it) on the store DIR: a second after start, once the check of every file settled, and after
# each of three changes of every order file (a `git pull` or a sync: every file's time moves).
#
#   benches/app_rss.sh DIR [BINARY]     (BINARY: target/release/portwiz)
#
# Prints VmRSS in MiB and MB. The page cache does not count; run it when the machine is quiet
# for timings, though memory does not depend on the load.
set -euo pipefail
dir=${1:?usage: app_rss.sh DIR [BINARY]}
bin=${2:-${CARGO_TARGET_DIR:-target}/release/portwiz}
session=portwiz-rss-$$
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
show() { printf '%-44s %4d MiB (%d MB)\n' "$1" $(($2 / 1024)) $(($2 * 1024 / 1000000)); }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# Wait until the resident set and the CPU time hold still for 4 s (or 600 s pass: a re-read
# of every file goes on while the resident set stays flat), then print it.
settle() {
    local last=-1 same=0 now state
    for _ in $(seq 1200); do
        sleep 0.5
        now=$(rss_kib "$pid")
        state="$now $(cpu_ticks "$pid")"
        if [ "$state" = "$last" ]; then same=$((same + 1)); else same=0; fi
        last=$state
        [ "$same" -ge 8 ] && break
    done
    show "$1" "$now"
}
tmux new-session -d -s "$session" -x 120 -y 40 \
    "PORTWIZ_DATA_DIR='$dir' PORTWIZ_TODAY=2026-11-26 exec '$bin'"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
sleep 0.3
pid=$(tmux display-message -p -t "$session" '#{pane_pid}')
sleep 0.7
show "a second after start" "$(rss_kib "$pid")"
settle "every file checked"
for round in 1 2 3; do
    find "$dir/orders" -name '*.json' -exec touch -m {} +
    settle "after change $round of every file"
done
tmux send-keys -t "$session" q
