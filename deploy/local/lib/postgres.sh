# shellcheck shell=bash
# PostgreSQL (Debian 15) with its own cluster in the data folder. Sourced by stack.sh.
# postgres refuses to run as root, so as root every pg command runs as the `postgres` OS user
# (which owns <data>/postgres); as any other user it runs as that user.

PG_BIN=${GOSIGHT_PG_BIN:-$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)}
PG_HOME=${GOSIGHT_PG_HOME:-$DATA/postgres}
PG_LOG=$LOG_DIR/postgres.log
# As root the cluster belongs to the postgres user, who must be able to reach it; a checkout
# under a private home folder (/root) is not reachable, so the cluster lives under /var/lib.
if ((EUID == 0)) && [[ -z ${GOSIGHT_PG_HOME:-} ]] && id -u postgres >/dev/null 2>&1 \
  && ! runuser -u postgres -- test -x "$(dirname "$DATA")" 2>/dev/null; then
  PG_HOME=/var/lib/gosight-local/$(printf '%s' "$DATA" | cksum | cut -d' ' -f1)/postgres
  PG_LOG=$PG_HOME.log
fi
PG_DATA=$PG_HOME/data
PG_SOCKET_DIR=$PG_HOME/run

if ((EUID == 0)); then PG_OS_USER=postgres; else PG_OS_USER=$(id -un); fi

# Runs a command as the cluster owner, from a directory it can enter (tools complain otherwise).
as_pg() {
  if ((EUID == 0)); then
    (cd "$PG_HOME" && runuser -u "$PG_OS_USER" -- "$@")
  else
    (cd "$PG_HOME" && "$@")
  fi
}

pg_psql() {
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$POSTGRES_PORT" \
    -U "$PG_OS_USER" -d postgres "$@"
}

postgres_pattern() { echo "$PG_DATA"; }
postgres_pid() { pid_from_file "$PG_DATA/postmaster.pid" "$(postgres_pattern)"; }
postgres_addr() { echo "127.0.0.1:$POSTGRES_PORT"; }
postgres_timeout() { echo 60; }
postgres_logs() { echo "$PG_LOG"; }

postgres_prepare() {
  [[ -x $PG_BIN/postgres ]] || die "postgres: no server binaries in '$PG_BIN' (set GOSIGHT_PG_BIN)"
  require_free_port postgres "$POSTGRES_PORT"
  if ((EUID == 0)); then
    id -u "$PG_OS_USER" >/dev/null 2>&1 || die "postgres: OS user '$PG_OS_USER' does not exist"
  fi
  mkdir -p "$PG_HOME" "$PG_SOCKET_DIR"
  touch "$PG_LOG"
  if ((EUID == 0)); then
    chown "$PG_OS_USER:" "$PG_HOME" "$PG_SOCKET_DIR" "$PG_LOG"
    runuser -u "$PG_OS_USER" -- test -w "$PG_HOME" \
      || die "postgres: user '$PG_OS_USER' cannot write $PG_HOME (a parent folder is not traversable?)"
  fi

  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    log "postgres: initdb $PG_DATA"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_OS_USER" --encoding=UTF8 --locale=C \
      --auth-local=peer --auth-host=scram-sha-256 --no-instructions >"$LOG_DIR/postgres-initdb.log" 2>&1 \
      || { show_log_tail "$LOG_DIR/postgres-initdb.log"; die "postgres: initdb failed"; }
    echo "include_if_exists = 'gosight.conf'" >>"$PG_DATA/postgresql.conf"
  fi
  render "$STACK_DIR/postgres/gosight.conf" "$PG_DATA/gosight.conf" \
    PORT="$POSTGRES_PORT" SOCKET_DIR="$PG_SOCKET_DIR"
  if ((EUID == 0)); then chown "$PG_OS_USER:" "$PG_DATA/gosight.conf"; fi
}

postgres_start() {
  rotate_log "$PG_LOG"
  touch "$PG_LOG"
  if ((EUID == 0)); then chown "$PG_OS_USER:" "$PG_LOG"; fi
  # pg_ctl forks the postmaster into its own session with output to the log; -W: don't wait,
  # stack.sh polls pg_isready like for the other servers. Both writers append, so sharing the log is fine.
  # shellcheck disable=SC2094
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -W -s start >>"$PG_LOG" 2>&1
}

# The postmaster writes its pid file a moment after pg_ctl returns; until then we cannot tell
# "not started yet" from "died", so look for a fatal line in this run's log instead.
postgres_died() { ! postgres_pid >/dev/null && grep -qE '^[^ ]+ [^ ]+ [^ ]+ \[[0-9]+\] (FATAL|PANIC)' "$PG_LOG"; }

postgres_ready() { "$PG_BIN/pg_isready" -q -t 5 -h 127.0.0.1 -p "$POSTGRES_PORT"; }

# Application role and database, created once (checked on every up, cheap).
postgres_after_ready() {
  if [[ $(pg_psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'gosight'") != 1 ]]; then
    pg_psql -c "CREATE ROLE gosight LOGIN CREATEDB PASSWORD 'gosight'"
    log "postgres: created role gosight"
  fi
  if [[ $(pg_psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'gosight'") != 1 ]]; then
    pg_psql -c "CREATE DATABASE gosight OWNER gosight"
    log "postgres: created database gosight"
  fi
}

postgres_stop() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -W -s stop; }
postgres_cleanup() { :; }
