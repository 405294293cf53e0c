# shellcheck shell=bash
# ClickHouse server (Debian ships 18.16.1). Sourced by stack.sh.

CLICKHOUSE_TEMPLATES=$STACK_DIR/clickhouse
CLICKHOUSE_HOME=$DATA/clickhouse
CLICKHOUSE_CONF=$CLICKHOUSE_HOME/conf/config.xml
CLICKHOUSE_PIDFILE=$RUN_DIR/clickhouse.pid
CLICKHOUSE_LOG=$LOG_DIR/clickhouse.log

# Debian packages a separate clickhouse-server binary; upstream packages one `clickhouse` multi-tool.
clickhouse_server_cmd() {
  if [[ -x /usr/sbin/clickhouse-server ]]; then
    CLICKHOUSE_SERVER=(/usr/sbin/clickhouse-server)
  elif command -v clickhouse-server >/dev/null; then
    CLICKHOUSE_SERVER=(clickhouse-server)
  elif command -v clickhouse >/dev/null; then
    CLICKHOUSE_SERVER=(clickhouse server)
  else
    die "clickhouse: no clickhouse-server binary found"
  fi
}

clickhouse_pattern() { echo "--config-file=$CLICKHOUSE_CONF"; }
clickhouse_pid() { pid_from_file "$CLICKHOUSE_PIDFILE" "$(clickhouse_pattern)"; }
clickhouse_addr() { echo "http 127.0.0.1:$CLICKHOUSE_HTTP_PORT, native 127.0.0.1:$CLICKHOUSE_TCP_PORT"; }
clickhouse_timeout() { echo 60; }
clickhouse_logs() { printf '%s\n' "$CLICKHOUSE_LOG" "$LOG_DIR/clickhouse-server.err.log"; }

clickhouse_prepare() {
  require_free_port clickhouse "$CLICKHOUSE_HTTP_PORT" "$CLICKHOUSE_TCP_PORT"
  mkdir -p "$CLICKHOUSE_HOME/conf" "$CLICKHOUSE_HOME/data"
  # Rendered on every start so port overrides apply. The server is not running here: it would
  # hot-reload a changed config.
  render "$CLICKHOUSE_TEMPLATES/config.xml" "$CLICKHOUSE_CONF" \
    HTTP_PORT="$CLICKHOUSE_HTTP_PORT" TCP_PORT="$CLICKHOUSE_TCP_PORT" \
    DATA_DIR="$CLICKHOUSE_HOME/data" LOG_DIR="$LOG_DIR"
  cp -f "$CLICKHOUSE_TEMPLATES/users.xml" "$CLICKHOUSE_HOME/conf/users.xml"
}

clickhouse_start() {
  clickhouse_server_cmd
  rotate_log "$CLICKHOUSE_LOG"
  (cd "$CLICKHOUSE_HOME" && spawn "$CLICKHOUSE_PIDFILE" "$CLICKHOUSE_LOG" \
    "${CLICKHOUSE_SERVER[@]}" "--config-file=$CLICKHOUSE_CONF")
}

clickhouse_died() { [[ -s $CLICKHOUSE_PIDFILE ]] && ! clickhouse_pid >/dev/null; }

# Both listeners open together; probing the native port too would only log "Client has not sent any data".
clickhouse_ready() {
  [[ $(curl -sf --max-time 2 "http://127.0.0.1:$CLICKHOUSE_HTTP_PORT/ping" 2>/dev/null) == Ok.* ]]
}

clickhouse_after_ready() { :; }
clickhouse_stop() { kill -TERM "$1"; }
clickhouse_cleanup() { rm -f "$CLICKHOUSE_PIDFILE"; }
