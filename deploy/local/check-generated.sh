#!/usr/bin/env bash
# Fails when proto/gen or sdk/src/gen differs from what `npm run generate` produces.
set -euo pipefail
cd "$(dirname "$0")/../.."
npx buf lint
npm run --silent generate
generated=(proto/gen sdk/src/gen)
if ! git diff --quiet --exit-code -- "${generated[@]}" || [ -n "$(git ls-files --others --exclude-standard "${generated[@]}")" ]; then
  echo "generated code is stale: run 'npm run generate' and commit the result." >&2
  git status --short "${generated[@]}" >&2
  exit 1
fi
echo "generated code is up to date"
