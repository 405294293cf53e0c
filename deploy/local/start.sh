#!/usr/bin/env bash
# `npm start`: the whole stack with a demo site producing real sessions.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/prepare.sh
npx tsx common/src/seed-demo-cli.ts
npx tsx api/src/create-user-cli.ts --email demo@gosight.local --password 'gosight demo' --name Demo \
  --project demo --role owner
exec npx tsx deploy/local/start-services.ts
