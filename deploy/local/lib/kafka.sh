# shellcheck shell=bash
# Kafka 3.x in KRaft mode (single node, broker + controller). Sourced by stack.sh.
# Jars come from Maven Central via kafka/pom.xml; no Kafka distribution tarball needed.

KAFKA_TEMPLATES=$STACK_DIR/kafka
KAFKA_HOME=$DATA/kafka
KAFKA_LIB=$KAFKA_HOME/lib
KAFKA_LOG_DIRS=$KAFKA_HOME/data
KAFKA_PROPS=$KAFKA_HOME/server.properties
KAFKA_PIDFILE=$RUN_DIR/kafka.pid
KAFKA_LOG=$LOG_DIR/kafka.log
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_TEMPLATES/pom.xml")

read -ra KAFKA_JAVA <<<"java $KAFKA_HEAP_OPTS"
KAFKA_JAVA+=(-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true
  "-Dlog4j.configuration=file:$KAFKA_TEMPLATES/log4j.properties" -cp "$KAFKA_LIB/*")

kafka_pattern() { echo "$KAFKA_PROPS"; }
kafka_pid() { pid_from_file "$KAFKA_PIDFILE" "$(kafka_pattern)"; }
kafka_addr() { echo "127.0.0.1:$KAFKA_PORT, controller 127.0.0.1:$KAFKA_CONTROLLER_PORT"; }
kafka_timeout() { echo 90; }
kafka_logs() { echo "$KAFKA_LOG"; }

kafka_fetch_jars() {
  [[ -f $KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar ]] && compgen -G "$KAFKA_LIB/slf4j-reload4j-*.jar" >/dev/null \
    && return 0
  command -v mvn >/dev/null || die "kafka: mvn not found (apt-get install maven)"
  log "kafka: fetching Kafka $KAFKA_VERSION jars from Maven Central…"
  local t
  t=$(now_us)
  # Download next to the final folder and swap in, so an interrupted fetch never looks complete.
  rm -rf "$KAFKA_LIB.tmp"
  mvn -q -B -Dstyle.color=never -f "$KAFKA_TEMPLATES/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB.tmp" >"$LOG_DIR/kafka-fetch.log" 2>&1 \
    || { show_log_tail "$LOG_DIR/kafka-fetch.log"; die "kafka: fetching jars with mvn failed"; }
  rm -rf "$KAFKA_LIB"
  mv "$KAFKA_LIB.tmp" "$KAFKA_LIB"
  log "kafka: $(find "$KAFKA_LIB" -name '*.jar' | wc -l) jars in $KAFKA_LIB ($(since "$t"))"
}

kafka_prepare() {
  require_free_port kafka "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
  mkdir -p "$KAFKA_HOME" "$KAFKA_LOG_DIRS"
  kafka_fetch_jars
  render "$KAFKA_TEMPLATES/server.properties" "$KAFKA_PROPS" \
    PORT="$KAFKA_PORT" CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT" DATA_DIR="$KAFKA_LOG_DIRS"
  if [[ ! -f $KAFKA_LOG_DIRS/meta.properties ]]; then
    local cluster_id
    cluster_id=$("${KAFKA_JAVA[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)
    [[ -n $cluster_id ]] || die "kafka: could not generate a cluster id (is java working?)"
    log "kafka: formatting storage (cluster id $cluster_id)"
    "${KAFKA_JAVA[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_PROPS" \
      >"$LOG_DIR/kafka-format.log" 2>&1 \
      || { show_log_tail "$LOG_DIR/kafka-format.log"; die "kafka: storage format failed"; }
  fi
}

kafka_start() {
  rotate_log "$KAFKA_LOG"
  (cd "$KAFKA_HOME" && spawn "$KAFKA_PIDFILE" "$KAFKA_LOG" "${KAFKA_JAVA[@]}" kafka.Kafka "$KAFKA_PROPS")
}

kafka_died() { [[ -s $KAFKA_PIDFILE ]] && ! kafka_pid >/dev/null; }

# The port opens a little before the broker has finished registering with the controller,
# so also wait for the "started" line of this run's log.
kafka_ready() {
  port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$KAFKA_LOG" 2>/dev/null
}

kafka_after_ready() { :; }
kafka_stop() { kill -TERM "$1"; }
kafka_cleanup() { rm -f "$KAFKA_PIDFILE"; }
