#!/usr/bin/env bash
# Runs the build stages of deploy/docker/Dockerfile without Docker, in a
# scratch folder holding only the build context .dockerignore lets through,
# then lays out each runtime image's files as the Dockerfile's COPY lines do
# and checks them. Slower than run.sh (npm install and a Next.js build: a few
# minutes), so it is not part of it; run it after changing the Dockerfile,
# .dockerignore or the workspace layout.
#
#   deploy/validate/dry-build.sh [scratch folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
work=${1:-$(mktemp -d)}
ctx=$work/context
rm -rf "$ctx" "$work/images" && mkdir -p "$ctx" "$work/images"
step() { printf '[dry-build] %s\n' "$*"; }

step "context: files of the working tree that .dockerignore lets through"
git ls-files -co --exclude-standard -z |
  node --no-warnings -e '
    const { matchesGlob } = require("node:path");
    const fs = require("node:fs");
    const rules = fs.readFileSync(".dockerignore", "utf8").split("\n").map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    const ignored = (file) => {
      let out = false;
      for (const rule of rules) {
        const negate = rule.startsWith("!");
        const pattern = negate ? rule.slice(1) : rule;
        if (matchesGlob(file, pattern) || matchesGlob(file, `${pattern}/**`)) out = !negate;
      }
      return out;
    };
    const files = fs.readFileSync(0, "utf8").split("\0").filter(Boolean);
    process.stdout.write(files.filter((f) => fs.existsSync(f) && !ignored(f)).join("\0"));
  ' | tar -C "$repo" --null -T - -cf - | tar -C "$ctx" -xf -
step "context: $(find "$ctx" -type f | wc -l) files, $(du -sh "$ctx" | cut -f1)"

cd "$ctx"
step "deps: npm install --ignore-scripts (workspace manifests and lock file only in the Dockerfile)"
npm install --no-audit --no-fund --ignore-scripts --prefer-offline --loglevel=error >/dev/null

step "build: service bundles and the SDK snippet"
node deploy/docker/bundle.mjs "$work/out/dist" >/dev/null
node sdk/build.mjs >/dev/null
mkdir -p "$work/out/sdk" && cp sdk/dist/sdk*.js "$work/out/sdk/"

step "dashboard-build: next build with NEXT_PRIVATE_STANDALONE=1"
NEXT_TELEMETRY_DISABLED=1 NEXT_PRIVATE_STANDALONE=1 npm run build -w dashboard >"$work/next-build.log" 2>&1 ||
  { cat "$work/next-build.log"; exit 1; }

step "runtime layouts (the COPY lines of each target)"
layout() { # <target> <source>:<destination>...
  local target=$1 src dst
  shift
  for pair in "$@"; do
    src=${pair%%:*} dst=$work/images/$target/app/${pair#*:}
    mkdir -p "$(dirname "$dst")"
    cp -r "$src" "$dst"
  done
}
layout ingestor "$work/out/dist/ingestor.mjs:dist/ingestor.mjs" "$work/out/sdk:sdk"
layout processor "$work/out/dist/processor.mjs:dist/processor.mjs"
layout api "$work/out/dist/api.mjs:dist/api.mjs"
layout migrate "$work/out/dist/migrate.mjs:dist/migrate.mjs" "$work/out/dist/seed-demo.mjs:dist/seed-demo.mjs" \
  "$work/out/dist/create-user.mjs:dist/create-user.mjs" "$work/out/dist/erase.mjs:dist/erase.mjs" \
  "$ctx/common/migrations:migrations"
layout dashboard "$ctx/dashboard/.next/standalone/.:." "$ctx/dashboard/.next/static:dashboard/.next/static"

for target in ingestor processor api migrate; do
  for file in "$work/images/$target/app/dist/"*.mjs; do node --check "$file"; done
done
test -s "$work/images/ingestor/app/sdk/sdk.js"
test -n "$(ls "$work/images/migrate/app/migrations/clickhouse/"*.sql)"
test -s "$work/images/dashboard/app/dashboard/server.js"

step "dashboard: start server.js from its layout and fetch /icon.svg"
port=$((20000 + RANDOM % 10000))
(cd "$work/images/dashboard/app" && HOSTNAME=127.0.0.1 PORT=$port NODE_ENV=production \
  exec node dashboard/server.js >"$work/dashboard.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/icon.svg" && break
  sleep 0.2
done
curl -sf -o /dev/null "http://127.0.0.1:$port/icon.svg"

for target in ingestor processor api migrate dashboard; do
  step "image $target: $(du -sh "$work/images/$target/app" | cut -f1) of application files"
done
step "passed (scratch folder $work)"
