#!/usr/bin/env bash
# Start-up of the built app under Xvfb (`make bench` runs it): the time from launch to
# the window's first paint (a screenshot of more than one colour) and to a settled
# screen (two screenshots 100 ms apart alike: the library with its rows), then the
# memory of the app's process tree (the shell and WebKit's web and network processes).
# Each run starts on a fresh database, as a new user's first start; the file cache is
# warm (caches are not dropped: other work shares this machine).
# Usage: scripts/coldstart.sh [APP] [RUNS]
set -euo pipefail
APP=${1:-target/debug/rapporteur}
RUNS=${2:-5}
[[ -x $APP ]] || { echo "$APP is not built (make build)" >&2; exit 1; }
for tool in Xvfb xwininfo import identify; do
  command -v $tool >/dev/null || { echo "needs $tool (make deps)" >&2; exit 1; }
done

now() { date +%s%N; }
shot() { import -display ":$display" -window root -depth 8 "rgb:$1" 2>/dev/null; }

# The app and every process under it.
tree() {
  local pids=$1 next=$1
  while [[ -n $next ]]; do
    next=$(for p in $next; do pgrep -P "$p" || true; done)
    pids="$pids $next"
  done
  echo $pids
}
# Sum of a /proc/PID/status field (kB) over the processes given.
sum_kb() {
  local field=$1; shift
  for p in "$@"; do awk -v f="$field:" '$1 == f { print $2 }' "/proc/$p/status" 2>/dev/null || true; done |
    awk '{ s += $1 } END { print s + 0 }'
}

display=$((200 + RANDOM % 300))
while [[ -e /tmp/.X11-unix/X$display ]]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [[ -e /tmp/.X11-unix/X$display ]] && break; sleep 0.05; done

echo "Start-up of $APP under Xvfb 1280x800, $RUNS runs, each on a fresh database"
paints=() settles=() rsss=()
for run in $(seq "$RUNS"); do
  home="$work/$run"
  mkdir -p "$home"
  start=$(now)
  DISPLAY=":$display" RAPPORTEUR_DB="$home/rapporteur.sqlite3" XDG_DATA_HOME="$home/data" \
    XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" "$APP" >/dev/null 2>&1 &
  app=$!
  painted='' settled='' previous=''
  deadline=$(( $(now) + 30000000000 ))
  while (( $(now) < deadline )); do
    shot "$work/shot.rgb"
    t=$(now)
    if [[ -z $painted ]]; then
      colours=$(identify -size 1280x800 -depth 8 -format %k "rgb:$work/shot.rgb" 2>/dev/null || echo 0)
      (( colours > 1 )) && painted=$t
    fi
    if [[ -n $painted ]]; then
      sum=$(md5sum < "$work/shot.rgb")
      if [[ $sum == "$previous" ]]; then settled=$t; break; fi
      previous=$sum
      sleep 0.1
    fi
  done
  [[ -n $settled ]] || { echo "run $run: no settled window within 30 s" >&2; kill $app; exit 1; }
  pids=$(tree $app)
  rss=$(sum_kb VmRSS $pids)
  hwm=$(sum_kb VmHWM $pids)
  paints+=($(( (painted - start) / 1000000 ))) settles+=($(( (settled - start) / 1000000 ))) rsss+=($(( rss / 1024 )))
  printf '  run %d: first paint %5d ms   settled %5d ms   RSS %4d MB (peak %4d MB) over %d processes\n' \
    "$run" $(( (painted - start) / 1000000 )) $(( (settled - start) / 1000000 )) \
    $(( rss / 1024 )) $(( hwm / 1024 )) $(echo $pids | wc -w)
  kill $app; wait $app 2>/dev/null || true
done

# The medians, as figures for `make bench`'s table (scripts/bench_collect.py).
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
name=$(basename "$APP")
printf 'bench: {"name": "start-up of %s, first paint", "value": %d, "unit": "ms", "aim": null}\n' "$name" "$(median "${paints[@]}")"
printf 'bench: {"name": "start-up of %s, settled screen", "value": %d, "unit": "ms", "aim": null}\n' "$name" "$(median "${settles[@]}")"
printf 'bench: {"name": "start-up of %s, memory of the process tree", "value": %d, "unit": "MB", "aim": null}\n' "$name" "$(median "${rsss[@]}")"
