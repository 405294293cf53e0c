#!/usr/bin/env bash
# Builds every target of deploy/docker/Dockerfile for real, with buildah (no
# Docker engine needed), then starts the API and ingestor images' entry points.
# Where the public registries cannot be reached, `--stand-in-bases` first makes
# local stand-ins for the two base images from Debian's packages (debootstrap)
# and this machine's Node 20: node:20.19-bookworm-slim, and the distroless
# nodejs20 image (same layout: node at /nodejs/bin/node as the entry point, uid
# 65532). The stand-ins are only for checking the Dockerfile; publish images
# built on the real bases.
#
#   deploy/validate/buildah-build.sh [--stand-in-bases] [--run-only] [work folder]
# (--run-only: skip the builds and only start the images built before)
# Needs root, buildah and (for stand-ins) debootstrap: apt-get install buildah debootstrap
set -euo pipefail
cd "$(dirname "$0")/../.."
stand_in=false
run_only=false
[ "${1:-}" = --stand-in-bases ] && { stand_in=true; shift; }
[ "${1:-}" = --run-only ] && { run_only=true; shift; }
work=${1:-/var/tmp/gosight-image-build}
mkdir -p "$work"
export BUILDAH_ISOLATION=chroot # no cgroups or user namespaces needed
bah() { buildah --storage-driver vfs "$@"; }
step() { printf '[buildah] %s\n' "$*"; }

if $stand_in && ! $run_only; then
  if [ ! -x "$work/rootfs/bin/sh" ]; then
    step "debootstrap a minimal Debian 12 root file system"
    debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log"
  fi
  node_bin=$(readlink -f "$(command -v node)")
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  step "stand-in node:20.19-bookworm-slim from $($node_bin --version)"
  c=$(bah from scratch)
  bah add "$c" "$work/rootfs" / >/dev/null
  bah copy "$c" "$node_bin" /usr/local/bin/node >/dev/null
  bah copy "$c" "$npm_dir" /usr/local/lib/node_modules/npm >/dev/null
  bah run "$c" -- sh -c 'ln -sf ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && ln -sf ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx'
  # A machine behind a TLS-inspecting proxy trusts an extra CA (NODE_EXTRA_CA_CERTS); the
  # stand-in trusts it too, or npm install inside the build could not reach the registry.
  ca_args=()
  if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
    bah copy "$c" "$NODE_EXTRA_CA_CERTS" /usr/local/share/extra-ca.pem >/dev/null
    ca_args=(--env NODE_EXTRA_CA_CERTS=/usr/local/share/extra-ca.pem)
  fi
  bah config --env PATH=/usr/local/bin:/usr/bin:/bin "${ca_args[@]}" --cmd node "$c"
  bah commit -q "$c" docker.io/library/node:20.19-bookworm-slim >/dev/null
  bah rm "$c" >/dev/null
  step "stand-in gcr.io/distroless/nodejs20-debian12:nonroot"
  c=$(bah from scratch)
  bah add "$c" "$work/rootfs" / >/dev/null
  bah copy "$c" "$node_bin" /nodejs/bin/node >/dev/null
  bah config --user 65532:65532 --entrypoint '["/nodejs/bin/node"]' --cmd '' "$c"
  bah commit -q "$c" gcr.io/distroless/nodejs20-debian12:nonroot >/dev/null
  bah rm "$c" >/dev/null
fi

for target in ingestor processor api migrate dashboard; do
  $run_only && break
  step "build target $target"
  started=$(date +%s)
  bah bud --pull-never --layers -q -f deploy/docker/Dockerfile --target "$target" -t "gosight/$target:check" . >"$work/build-$target.log" 2>&1 ||
    { tail -30 "$work/build-$target.log"; exit 1; }
  size=$(bah images --format '{{.Size}}' "gosight/$target:check" | head -1)
  step "built gosight/$target:check in $(($(date +%s) - started)) s, $size"
done

# The API and the ingestor images serve for real against the local stack's
# servers (bash deploy/local/stack.sh up): the ingestor's /readyz (Kafka reached)
# and the API's /healthz must answer 200.
if [ -f .gosight/env ]; then
  set -a; . .gosight/env; set +a
  for spec in ingestor:17990:readyz api:17991:healthz; do
    IFS=: read -r target port probe <<<"$spec"
    upper=$(echo "$target" | tr a-z A-Z)
    c=$(bah from -q "gosight/$target:check")
    env_args=()
    while IFS= read -r line; do env_args+=(--env "$line"); done < <(env | grep '^GOSIGHT_' | grep -v -e "_HOST=" -e "_PORT=")
    # Its own process group: killing `buildah run` alone leaves the service running.
    setsid buildah --storage-driver vfs run --network host "${env_args[@]}" --env "GOSIGHT_${upper}_HOST=127.0.0.1" --env "GOSIGHT_${upper}_PORT=$port" \
      "$c" -- /nodejs/bin/node "dist/$target.mjs" >"$work/run-$target.log" 2>&1 &
    runner=$!
    ok=false
    for _ in $(seq 1 60); do
      if curl -fsS "http://127.0.0.1:$port/$probe" >/dev/null 2>&1; then ok=true; break; fi
      sleep 0.5
    done
    kill -- -"$runner" 2>/dev/null || true
    wait "$runner" 2>/dev/null || true
    bah rm "$c" >/dev/null
    if $ok; then step "$target image: /$probe answered 200 on port $port"; else
      step "$target image did not become ready:"; tail -20 "$work/run-$target.log"; exit 1; fi
  done
fi
