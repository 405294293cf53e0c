# shellcheck shell=bash
# Redis, no persistence. Sourced by stack.sh.

REDIS_HOME=$DATA/redis
REDIS_CONF=$REDIS_HOME/redis.conf
REDIS_PIDFILE=$RUN_DIR/redis.pid
REDIS_LOG=$LOG_DIR/redis.log

# Redis rewrites its process title to "redis-server 127.0.0.1:<port>"; the pid file is ours anyway.
redis_pattern() { echo "redis-server"; }
redis_pid() { pid_from_file "$REDIS_PIDFILE" "$(redis_pattern)"; }
redis_addr() { echo "127.0.0.1:$REDIS_PORT"; }
redis_timeout() { echo 60; }
redis_logs() { echo "$REDIS_LOG"; }

redis_prepare() {
  require_free_port redis "$REDIS_PORT"
  mkdir -p "$REDIS_HOME"
  render "$STACK_DIR/redis/redis.conf" "$REDIS_CONF" \
    PORT="$REDIS_PORT" PIDFILE="$REDIS_PIDFILE" LOGFILE="$REDIS_LOG" DATA_DIR="$REDIS_HOME"
}

# Redis daemonizes itself (own session, stdio closed) once the config is loaded; config errors
# make this command fail and are printed to the log.
redis_start() {
  rotate_log "$REDIS_LOG"
  rm -f "$REDIS_PIDFILE"
  (cd "$REDIS_HOME" && redis-server "$REDIS_CONF" >>"$REDIS_LOG" 2>&1 </dev/null)
}

redis_died() { [[ -s $REDIS_PIDFILE ]] && ! redis_pid >/dev/null; }
# timeout: redis-cli waits forever on a server that accepts but does not answer (e.g. SIGSTOPped).
redis_ready() { [[ $(timeout 5 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }
redis_after_ready() { :; }

redis_stop() {
  timeout 5 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill -TERM "$1"
}
redis_cleanup() { rm -f "$REDIS_PIDFILE"; }
