#!/usr/bin/env bash
# Runs every benchmark under bench/ one after the other (each measures this
# machine; run it when nothing else is busy), keeps what each printed in
# docs/benchmarks/<name>.latest.txt, and assembles docs/benchmarks.md from the
# written reports (docs/benchmarks/<name>.md) followed by that latest output.
#   bash bench/run-all.sh            all of them
#   bash bench/run-all.sh ingest sdk only these
#   bash bench/run-all.sh --assemble  only rebuild docs/benchmarks.md from the last runs
#   bash bench/run-all.sh --repeat 3 ingest   run each 3 times; docs/benchmarks/<name>.repeats.md
#                                      gets every figure's median and range over the runs
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/local/stack.sh up >/dev/null
set -a
# shellcheck disable=SC1091
. "${GOSIGHT_DATA:-$PWD/.gosight}/env"
set +a
npx tsx common/src/migrate-cli.ts >/dev/null

all=(ingest pipeline detectors queries sdk footprint faults)
repeat=1
if [ "${1:-}" = --repeat ]; then
  repeat=${2:-}
  [[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "--repeat needs a whole number of runs >= 1, got '$repeat'" >&2; exit 2; }
  shift 2
fi
selected=("${@:-${all[@]}}")
[ "${1:-}" = --assemble ] && selected=()
# The SDK and ingest benchmarks load the built SDK in Chromium.
if [[ " ${selected[*]} " =~ \ (sdk|ingest)\  ]]; then npm run --silent build -w sdk >/dev/null; fi
# The footprint benchmark runs the dashboard as built.
if [[ " ${selected[*]} " =~ \ footprint\  ]]; then npm run --silent build -w dashboard >/dev/null; fi
for name in "${selected[@]}"; do
  runs=()
  for run in $(seq 1 "$repeat"); do
    echo "[bench] $name (run $run of $repeat): npx tsx bench/$name/run.ts"
    started=$(date +%s)
    npx tsx "bench/$name/run.ts" 2>&1 | tee "docs/benchmarks/$name.run-$run.txt"
    cp "docs/benchmarks/$name.run-$run.txt" "docs/benchmarks/$name.latest.txt"
    runs+=("docs/benchmarks/$name.run-$run.txt")
    echo "[bench] $name done in $(($(date +%s) - started)) s"
  done
  if [ "$repeat" -gt 1 ]; then
    if table=$(npx tsx bench/lib/summarize-runs.ts "${runs[@]}" 2>/dev/null); then
      {
        echo "# $name: median and range over $repeat runs"
        echo
        echo "\`bash bench/run-all.sh --repeat $repeat $name\`, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores."
        echo
        echo "$table"
      } >"docs/benchmarks/$name.repeats.md"
      echo "[bench] wrote docs/benchmarks/$name.repeats.md"
    else
      echo "[bench] $name prints no figure table; its $repeat outputs are docs/benchmarks/$name.run-*.txt"
    fi
  fi
done

{
  echo '# Benchmarks'
  echo
  echo "Assembled by \`bash bench/run-all.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores,"
  echo "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)."
  echo 'Each section below was written by its benchmark and says its own command, load and date.'
  echo
  echo '| budget (DESIGN.md) | section |'
  echo '| --- | --- |'
  echo '| ingest >= 50,000 events/s acknowledged; p99 < 50 ms at 10,000 events/s | [ingest](benchmarks/ingest.md) |'
  echo '| acknowledged to queryable p95 < 2 s at 10,000 events/s | [pipeline](benchmarks/pipeline.md) |'
  echo '| detector role >= 50,000 events/s | [detectors](benchmarks/detectors.md) |'
  echo '| session list, heatmap and funnel p95 < 300 ms over 10 million events | [queries](benchmarks/queries.md) |'
  echo '| SDK <= 30 KB gzipped, core <= 10 KB; < 1 % main-thread CPU | [sdk](benchmarks/sdk.md) |'
  echo '| whole stack <= 4 GiB at 10,000 events/s | [footprint](benchmarks/footprint.md) |'
  echo '| nothing lost, nothing counted twice under faults | [reliability](reliability.md) |'
  echo
  for file in docs/benchmarks/*.md; do
    echo "---"
    echo
    sed 's/^# /## /' "$file"
    echo
    latest=${file%.md}.latest.txt
    if [ -f "$latest" ]; then
      echo "Output of the latest run ($(date -u -r "$latest" '+%Y-%m-%d %H:%M UTC')):"
      echo
      echo '```'
      grep -v 'nodedir' "$latest" | tail -n 60
      echo '```'
      echo
    fi
  done
} > docs/benchmarks.md
echo "[bench] wrote docs/benchmarks.md"
