#!/usr/bin/env bash
# Local GoSight infrastructure without Docker: Kafka, ClickHouse, PostgreSQL and Redis
# as plain processes on 127.0.0.1, with all state in one data folder.
#
#   stack.sh up     [server...]   install what is missing, start, wait until ready, write <data>/env
#   stack.sh down   [server...]   stop cleanly (SIGKILL after 30 s)
#   stack.sh status [server...]   exit 0 if all running, 1 otherwise
#   stack.sh env                  print <data>/env
#
# servers: kafka clickhouse postgres redis (default: all)
# data folder: $GOSIGHT_DATA, default <repo>/.gosight
set -euo pipefail

STACK_DIR=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
REPO_ROOT=$(cd "$STACK_DIR/../.." && pwd)

DATA=${GOSIGHT_DATA:-$REPO_ROOT/.gosight}
[[ $DATA == /* ]] || DATA=$PWD/$DATA
DATA=${DATA%/}
RUN_DIR=$DATA/run
LOG_DIR=$DATA/logs
ENV_FILE=$DATA/env

KAFKA_PORT=${GOSIGHT_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${GOSIGHT_KAFKA_CONTROLLER_PORT:-19093}
CLICKHOUSE_HTTP_PORT=${GOSIGHT_CLICKHOUSE_HTTP_PORT:-18123}
CLICKHOUSE_TCP_PORT=${GOSIGHT_CLICKHOUSE_TCP_PORT:-19000}
POSTGRES_PORT=${GOSIGHT_POSTGRES_PORT:-15432}
REDIS_PORT=${GOSIGHT_REDIS_PORT:-16379}

SERVERS=(kafka clickhouse postgres redis)
STOP_TIMEOUT=${GOSIGHT_STOP_TIMEOUT:-30}

# ---------------------------------------------------------------- helpers

log() { printf '[stack] %s\n' "$*"; }
warn() { printf '[stack] warning: %s\n' "$*" >&2; }
die() { printf '[stack] error: %s\n' "$*" >&2; exit 1; }

# Microseconds since the epoch (EPOCHREALTIME may use ',' as decimal point).
now_us() { local t=${EPOCHREALTIME//[.,]/}; echo "$t"; }
# Seconds since a now_us value, one decimal: "4.2s".
since() { local d=$((($(now_us) - $1) / 100000)); echo "$((d / 10)).$((d % 10))s"; }

# True if something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True if $1 is a live pid whose command line contains $2 (guards against stale pid files and
# reused pids; a zombie has an empty command line, so it counts as exited).
pid_alive() {
  [[ $1 =~ ^[0-9]+$ ]] && kill -0 "$1" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

# Prints the pid in the first line of file $1 if that process is alive and matches $2.
pid_from_file() {
  local pid
  [[ -r $1 ]] || return 1
  pid=$(head -n1 "$1" 2>/dev/null) || return 1
  pid_alive "$pid" "$2" && echo "$pid"
}

# render <template> <dest> KEY=value... : copies the template replacing @KEY@ by value.
render() {
  local src=$1 dst=$2 kv k v
  shift 2
  local args=()
  for kv in "$@"; do
    k=${kv%%=*} v=${kv#*=}
    v=${v//\\/\\\\} v=${v//|/\\|} v=${v//&/\\&}
    args+=(-e "s|@$k@|$v|g")
  done
  sed "${args[@]}" "$src" >"$dst.tmp"
  mv -f "$dst.tmp" "$dst"
}

# Keeps the previous run's log as <log>.1 so readiness checks only see the current run.
rotate_log() { [[ ! -s $1 ]] || mv -f "$1" "$1.1"; }

# spawn <pidfile> <logfile> <cmd...>: runs cmd in its own session, immune to SIGHUP, stdin closed,
# stdout/stderr appended to logfile, so it outlives this script and the calling shell.
spawn() {
  local pidfile=$1 logfile=$2
  shift 2
  rm -f "$pidfile"
  # The inner shell writes its own pid and execs, so the pid file holds the server's pid
  # whether or not setsid had to fork.
  # shellcheck disable=SC2016 # $$ and $@ are for the inner shell
  setsid nohup bash -c 'echo $$ >"$0" && exec "$@"' "$pidfile" "$@" >>"$logfile" 2>&1 </dev/null &
}

show_log_tail() {
  local f
  for f in "$@"; do
    [[ -s $f ]] || continue
    printf '[stack] ---- last lines of %s ----\n' "$f" >&2
    tail -n 30 "$f" | sed 's/^/    /' >&2
  done
}

# Fails if a port we are about to listen on is already taken by someone else.
require_free_port() {
  local name=$1 port
  shift
  for port in "$@"; do
    if port_open "$port"; then
      die "$name: port 127.0.0.1:$port is already in use by another process (not the $name of $DATA)"
    fi
  done
}

check_port_vars() {
  local v
  for v in KAFKA_PORT KAFKA_CONTROLLER_PORT CLICKHOUSE_HTTP_PORT CLICKHOUSE_TCP_PORT POSTGRES_PORT REDIS_PORT; do
    # Out-of-range numbers would silently wrap around to another port in bash and ClickHouse.
    if ! [[ ${!v} =~ ^[1-9][0-9]{0,4}$ ]] || ((${!v} > 65535)); then
      die "invalid port for GOSIGHT_$v: '${!v}'"
    fi
  done
}

# SIGKILL for a process that ignored the polite stop request for STOP_TIMEOUT seconds.
kill_hard() {
  local name=$1 pid=$2 pattern=$3 i
  warn "$name: pid $pid did not exit within ${STOP_TIMEOUT}s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    pid_alive "$pid" "$pattern" || { log "$name: killed"; return 0; }
    sleep 0.1
  done
  warn "$name: pid $pid is still alive after SIGKILL"
  return 1
}

# ---------------------------------------------------------------- packages

# command -> Debian package, for tools checked by command rather than by package.
declare -A TOOL_PACKAGES=([java]=default-jre-headless [mvn]=maven [curl]=curl)
DEB_PACKAGES=(clickhouse-server clickhouse-client postgresql redis-server chromium)

ensure_packages() {
  local missing=() p t
  if command -v dpkg-query >/dev/null; then
    for p in "${DEB_PACKAGES[@]}"; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
  fi
  for t in "${!TOOL_PACKAGES[@]}"; do
    command -v "$t" >/dev/null || missing+=("${TOOL_PACKAGES[$t]}")
  done
  if ((${#missing[@]} == 0)); then
    log "packages: ok"
    return
  fi
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get to install them"
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "missing packages: ${missing[*]} (run as root or install them)"
    sudo=(sudo)
  fi
  log "packages: installing ${missing[*]}…"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  log "packages: installed"
}

# ---------------------------------------------------------------- servers

# shellcheck source=lib/kafka.sh
. "$STACK_DIR/lib/kafka.sh"
# shellcheck source=lib/clickhouse.sh
. "$STACK_DIR/lib/clickhouse.sh"
# shellcheck source=lib/postgres.sh
. "$STACK_DIR/lib/postgres.sh"
# shellcheck source=lib/redis.sh
. "$STACK_DIR/lib/redis.sh"

# Each lib defines, for server s:
#   s_pid         prints the pid if running (exit 1 otherwise)
#   s_pattern     string in the server's command line (for pid checks)
#   s_addr        human-readable listen address
#   s_timeout     readiness timeout in seconds
#   s_prepare     install/initialise/render config (server not running)
#   s_start       launch (may block briefly, must not wait for readiness)
#   s_ready       true once the server accepts clients
#   s_after_ready one-time setup that needs a running server (may be a no-op)
#   s_died        true if the server we just launched has already exited
#   s_stop <pid>  ask the server to stop (does not wait)
#   s_cleanup     remove leftovers after it stopped (pid files)
#   s_logs        log files to show when it fails, one per line

write_env_file() {
  cat >"$ENV_FILE.tmp" <<EOF
GOSIGHT_KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT
GOSIGHT_CLICKHOUSE_URL=http://127.0.0.1:$CLICKHOUSE_HTTP_PORT
GOSIGHT_POSTGRES_URL=postgres://gosight:gosight@127.0.0.1:$POSTGRES_PORT/gosight
GOSIGHT_REDIS_URL=redis://127.0.0.1:$REDIS_PORT
EOF
  mv -f "$ENV_FILE.tmp" "$ENV_FILE"
}

fail_start() {
  local s=$1 why=$2 logs
  printf '[stack] error: %s: %s\n' "$s" "$why" >&2
  mapfile -t logs < <("${s}_logs")
  show_log_tail "${logs[@]}"
  if "${s}_pid" >/dev/null; then
    warn "$s: stopping the half-started server"
    cmd_down "$s" || true
  fi
  log "other servers were left as they are; '$0 down' stops them"
  exit 1
}

cmd_up() {
  local s pid
  local -A started=() t0=() fresh=()
  check_port_vars
  mkdir -p "$DATA" "$RUN_DIR" "$LOG_DIR"
  log "data folder: $DATA"
  ensure_packages

  # Start everything first (Kafka, the slowest, first), then wait for all in one loop.
  for s in "$@"; do
    if pid=$("${s}_pid"); then
      log "$s: already running (pid $pid) on $("${s}_addr")"
      fresh[$s]=0
    else
      "${s}_prepare"
      log "$s: starting…"
      t0[$s]=$(now_us)
      "${s}_start" || fail_start "$s" "failed to start"
      fresh[$s]=1
    fi
    started[$s]=$(now_us)
  done

  local pending=("$@") left elapsed_us
  while ((${#pending[@]})); do
    left=()
    for s in "${pending[@]}"; do
      if "${s}_ready"; then
        ((fresh[$s])) && log "$s: ready on $("${s}_addr") ($(since "${t0[$s]}"))"
        "${s}_after_ready"
      elif ((fresh[$s])) && "${s}_died"; then
        fail_start "$s" "exited during startup"
      else
        elapsed_us=$(($(now_us) - started[$s]))
        ((elapsed_us < $("${s}_timeout") * 1000000)) \
          || fail_start "$s" "not ready on $("${s}_addr") within $("${s}_timeout")s"
        left+=("$s")
      fi
    done
    pending=("${left[@]}")
    ((${#pending[@]} == 0)) || sleep 0.2
  done

  write_env_file
  log "all ready; $ENV_FILE:"
  cat "$ENV_FILE"
}

cmd_down() {
  local s pid
  local -A pids=() t0=()
  local pending=()
  [[ -d $DATA ]] || { for s in "$@"; do log "$s: not running"; done; return 0; }
  # Ask all to stop first, then wait for all in one loop, so they shut down in parallel.
  for s in "$@"; do
    if pid=$("${s}_pid"); then
      log "$s: stopping (pid $pid)…"
      t0[$s]=$(now_us)
      "${s}_stop" "$pid" || warn "$s: stop request failed, will wait / SIGKILL"
      pids[$s]=$pid
      pending+=("$s")
    else
      log "$s: not running"
    fi
  done

  local left i rc=0
  for ((i = 0; ${#pending[@]} > 0 && i < STOP_TIMEOUT * 10; i++)); do
    left=()
    for s in "${pending[@]}"; do
      if pid_alive "${pids[$s]}" "$("${s}_pattern")"; then
        left+=("$s")
      else
        log "$s: stopped ($(since "${t0[$s]}"))"
        "${s}_cleanup"
      fi
    done
    pending=("${left[@]}")
    ((${#pending[@]} == 0)) || sleep 0.1
  done
  for s in "${pending[@]}"; do
    kill_hard "$s" "${pids[$s]}" "$("${s}_pattern")" || rc=1
    "${s}_cleanup"
  done
  return $rc
}

cmd_status() {
  local s pid rc=0
  for s in "$@"; do
    if [[ -d $DATA ]] && pid=$("${s}_pid"); then
      if "${s}_ready"; then
        log "$s: running (pid $pid, $("${s}_addr"))"
      else
        log "$s: running but not answering (pid $pid, $("${s}_addr"))"
        rc=1
      fi
    else
      log "$s: stopped"
      rc=1
    fi
  done
  return $rc
}

cmd_env() {
  [[ -f $ENV_FILE ]] || die "no $ENV_FILE yet; run '$0 up' first"
  cat "$ENV_FILE"
}

usage() {
  sed -n '2,12s/^# \{0,1\}//p' "$0"
  exit "${1:-0}"
}

main() {
  local cmd=${1:-}
  [[ -n $cmd ]] || usage 1
  shift
  local s k known
  for s in "$@"; do
    known=0
    for k in "${SERVERS[@]}"; do [[ $s == "$k" ]] && known=1; done
    ((known)) || die "unknown server '$s' (expected: ${SERVERS[*]})"
  done
  # Selected servers in canonical order (Kafka, the slowest, starts first).
  local selected=()
  for k in "${SERVERS[@]}"; do
    if (($# == 0)) || [[ " $* " == *" $k "* ]]; then selected+=("$k"); fi
  done
  set -- "${selected[@]}"
  case $cmd in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status "$@" ;;
    env) cmd_env ;;
    -h | --help | help) usage 0 ;;
    *) printf '[stack] unknown command: %s\n' "$cmd" >&2; usage 1 ;;
  esac
}

main "$@"
