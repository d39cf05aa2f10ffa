#!/usr/bin/env bash
# Whole-process cost of `dechaff clean` against the whole-process floor, under /usr/bin/time -v.
#
# The floor (`dechaff-speed floor DIR`, benches/speed) reads each page from disk, gunzips it,
# decodes it as dechaff does, parses it with scraper and walks its text once: what any extractor
# run as a process must pay. Against it run `dechaff clean DIR -j 1` and `-j 2`, writing to
# /dev/null. Each of the three runs 5 times, alternating, so that machine noise falls on all of
# them alike; the medians of wall and CPU (user + sys) seconds and the largest peak RSS are
# printed, with dechaff -j1's wall time as a multiple of the floor's and the speed-up of -j2.
#
# Usage: benches/process.sh [PAGES_DIR]   (default ../shared/bench/wcxb-dev/pages, relative to
# the repository root; a PAGES_DIR given is taken relative to the current directory)
set -euo pipefail
runs=5
if [ $# -gt 1 ]; then
  echo "usage: benches/process.sh [PAGES_DIR]" >&2
  exit 2
fi
if [ $# -eq 1 ]; then
  pages=$(realpath -e -- "$1" 2>/dev/null) || { echo "process.sh: no such directory: $1" >&2; exit 2; }
fi
cd "$(dirname "$0")/.."
pages=${pages:-../shared/bench/wcxb-dev/pages}
if [ ! -d "$pages" ]; then
  echo "process.sh: not a directory: $pages" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "process.sh: /usr/bin/time is missing (GNU time, Debian package 'time'); nothing measured" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
cargo build --release --quiet --manifest-path benches/speed/Cargo.toml
dechaff=./target/release/dechaff
speed=./benches/speed/target/release/dechaff-speed

names=(floor j1 j2)
for i in $(seq "$runs"); do
  for name in "${names[@]}"; do
    case $name in
      floor) cmd=("$speed" floor "$pages") ;;
      j1) cmd=("$dechaff" clean "$pages" -j 1 -q -o /dev/null) ;;
      j2) cmd=("$dechaff" clean "$pages" -j 2 -q -o /dev/null) ;;
    esac
    if ! /usr/bin/time -v -o "$work/$name.$i.time" "${cmd[@]}" >"$work/$name.$i.out" 2>"$work/$name.$i.err"; then
      echo "process.sh: run $i of ${cmd[*]} failed:" >&2
      cat "$work/$name.$i.err" "$work/$name.$i.time" >&2
      exit 1
    fi
  done
done

# One line per run: wall seconds, user+sys seconds, peak RSS in kB.
summary() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (k = 1; k <= n; k++) w = w * 60 + p[k] }
    /User time \(seconds\)/ { c += $2 }
    /System time \(seconds\)/ { c += $2 }
    /Maximum resident set size/ { r = $2 }
    END { printf "%.3f %.3f %d\n", w, c, r }' "$1"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

declare -A wall cpu rss
for name in "${names[@]}"; do
  for i in $(seq "$runs"); do summary "$work/$name.$i.time"; done >"$work/$name.summary"
  wall[$name]=$(cut -d' ' -f1 "$work/$name.summary" | median)
  cpu[$name]=$(cut -d' ' -f2 "$work/$name.summary" | median)
  rss[$name]=$(cut -d' ' -f3 "$work/$name.summary" | sort -n | tail -1)
done

echo "$(ls "$pages" | grep -c '\.html') page files in $pages; $runs runs each, alternating"
echo "floor: $(head -1 "$work/floor.1.out")"
printf '%-28s %8s %8s %12s\n' process "wall s" "cpu s" "max RSS MB"
label() {
  case $1 in
    floor) echo "floor (dechaff-speed floor)" ;;
    j1) echo "dechaff clean -j 1" ;;
    j2) echo "dechaff clean -j 2" ;;
  esac
}
for name in "${names[@]}"; do
  printf '%-28s %8.2f %8.2f %12.1f\n' "$(label "$name")" "${wall[$name]}" "${cpu[$name]}" \
    "$(awk -v k="${rss[$name]}" 'BEGIN { print k * 1024 / 1e6 }')"
done
awk -v f="${wall[floor]}" -v a="${wall[j1]}" -v b="${wall[j2]}" 'BEGIN {
  printf "dechaff -j1 wall x floor wall: %.2f\n", a / f
  printf "dechaff -j1 wall / -j2 wall (two-thread speed-up): %.2f\n", a / b
}'
