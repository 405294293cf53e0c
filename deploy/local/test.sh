#!/usr/bin/env bash
# `npm test`: every check and every test, against real Kafka, ClickHouse,
# PostgreSQL and Redis (started here when they are not running).
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/prepare.sh
echo "[test] generated code, lint, types"
bash deploy/local/check-generated.sh
npx biome check .
npm run --silent typecheck
echo "[test] SDK sizes against their budgets (fails when over), deployment manifests"
npm run --silent size -w sdk
bash deploy/validate/run.sh
echo "[test] vitest"
npx vitest run "$@"
if [ "$#" -eq 0 ]; then
  echo "[test] the ClickHouse-backed tests again, on the current ClickHouse engine"
  bash deploy/validate/current-clickhouse/run.sh
fi
