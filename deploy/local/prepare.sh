#!/usr/bin/env bash
# Shared by start.sh and test.sh: dependencies, infrastructure, schema, builds.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d node_modules ]; then
  echo "[prepare] installing npm dependencies"
  npm install --no-audit --no-fund
fi
bash deploy/local/stack.sh up
set -a
# shellcheck disable=SC1091
. "${GOSIGHT_DATA:-$PWD/.gosight}/env"
set +a
npx tsx common/src/migrate-cli.ts
echo "[prepare] building the SDK"
npm run --silent build -w sdk
echo "[prepare] building the dashboard"
npm run --silent build -w dashboard >/tmp/gosight-dashboard-build.log 2>&1 || {
  cat /tmp/gosight-dashboard-build.log
  exit 1
}
