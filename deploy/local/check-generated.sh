#!/usr/bin/env bash
# Fails when proto/gen differs from what `npm run generate` produces.
set -euo pipefail
cd "$(dirname "$0")/../.."
npx buf lint
npx buf generate
if ! git diff --quiet --exit-code -- proto/gen || [ -n "$(git ls-files --others --exclude-standard proto/gen)" ]; then
  echo "proto/gen is stale: run 'npm run generate' and commit the result." >&2
  git status --short proto/gen >&2
  exit 1
fi
echo "generated code is up to date"
