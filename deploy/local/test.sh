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
echo "[test] vitest"
npx vitest run "$@"
