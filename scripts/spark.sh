# A local Spark for users to try and for the tests, sourced by ./lab. One driver serves both
# Spark Connect (sc://) and the Thrift server (hive2://); with --cluster it runs on a standalone
# master with two workers. Everything listens on 127.0.0.1, keeps a small heap, has no driver UI
# and an in-memory catalog, and keeps its logs and pid files in one state folder.
#   LIVINGLAB_SPARK_STATE   state folder (default .spark/)
#   LIVINGLAB_SPARK_CONNECT_PORT, LIVINGLAB_SPARK_THRIFT_PORT, LIVINGLAB_SPARK_MASTER_PORT,
#   LIVINGLAB_SPARK_MASTER_UI_PORT (the master's status page on 127.0.0.1, which the start reads)
#   LIVINGLAB_SPARK_MEMORY  heap of the driver (default 1g); workers give each executor 512m

SPARK_DRIVER_CLASS=org.apache.spark.sql.hive.thriftserver.HiveThriftServer2
SPARK_MASTER_CLASS=org.apache.spark.deploy.master.Master
SPARK_WORKER_CLASS=org.apache.spark.deploy.worker.Worker

spark_env() {
  SPARK_STATE="${LIVINGLAB_SPARK_STATE:-$ROOT/.spark}"
  CONNECT_PORT="${LIVINGLAB_SPARK_CONNECT_PORT:-15002}"
  THRIFT_PORT="${LIVINGLAB_SPARK_THRIFT_PORT:-10000}"
  MASTER_PORT="${LIVINGLAB_SPARK_MASTER_PORT:-7077}"
  MASTER_UI_PORT="${LIVINGLAB_SPARK_MASTER_UI_PORT:-8080}"
  export SPARK_HOME; SPARK_HOME="$("$VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
  export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1 SPARK_IDENT_STRING=livinglab
  export SPARK_LOG_DIR="$SPARK_STATE/logs" SPARK_PID_DIR="$SPARK_STATE/pids" SPARK_CONF_DIR="$SPARK_STATE/conf"
  export SPARK_WORKER_DIR="$SPARK_STATE/work" SPARK_NICENESS="${SPARK_NICENESS:-0}"
  mkdir -p "$SPARK_LOG_DIR" "$SPARK_PID_DIR" "$SPARK_CONF_DIR" "$SPARK_WORKER_DIR"
  # Warnings only: the daemons' .out files stay short enough to read when something fails.
  printf '%s\n' 'rootLogger.level = warn' 'rootLogger.appenderRef.stdout.ref = console' \
    'appender.console.type = Console' 'appender.console.name = console' 'appender.console.target = SYSTEM_ERR' \
    'appender.console.layout.type = PatternLayout' 'appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n' \
    > "$SPARK_CONF_DIR/log4j2.properties"
}

spark_daemon() { "$SPARK_HOME/sbin/spark-daemon.sh" "$@"; }

spark_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits until every port answers, or the driver has died; a signal, not a fixed sleep.
spark_wait() {
  local deadline=$((SECONDS + ${LIVINGLAB_SPARK_START_TIMEOUT:-240}))
  local port
  for port in "$@"; do
    until spark_port_open "$port"; do
      if ! spark_daemon status "$SPARK_DRIVER_CLASS" 1 >/dev/null 2>&1 || [ $SECONDS -ge $deadline ]; then
        say "Spark startte niet; het einde van het log:"
        tail -n 30 "$SPARK_LOG_DIR"/*.out >&2 || true
        spark_stop
        return 1
      fi
      sleep 0.5
    done
  done
}

# The master's own account of the cluster (its JSON status page): alive workers and cores in use.
spark_master_state() {
  "$VENV/bin/python" - "$MASTER_UI_PORT" <<'PY' 2>/dev/null
import json, sys, urllib.request
state = json.load(urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/json/", timeout=5))
print(state.get("aliveworkers", 0), state.get("coresused", 0))
PY
}

# Waits until the master says so (`workers` alive, `cores` given to the application), or a
# daemon has died; a signal, not a fixed sleep.
spark_wait_master() {
  local workers="$1" cores="$2" deadline=$((SECONDS + ${LIVINGLAB_SPARK_START_TIMEOUT:-240}))
  local state alive used
  while :; do
    state="$(spark_master_state || echo "0 0")"
    alive="${state% *}"; used="${state#* }"
    [ "$alive" -ge "$workers" ] && [ "$used" -ge "$cores" ] && return 0
    if ! spark_daemon status "$SPARK_MASTER_CLASS" 1 >/dev/null 2>&1 || [ $SECONDS -ge $deadline ]; then
      say "De Spark-cluster kwam niet op ($alive van $workers workers, $used van $cores cores); het einde van het log:"
      tail -n 30 "$SPARK_LOG_DIR"/*.out >&2 || true
      spark_stop
      return 1
    fi
    sleep 0.5
  done
}

spark_start() {
  local master="local[2]" cluster=""
  if [ "${1:-}" = "--cluster" ]; then
    cluster=1
    master="spark://127.0.0.1:$MASTER_PORT"
    say "Spark-cluster starten: een master en twee workers op 127.0.0.1"
    SPARK_DAEMON_MEMORY=256m spark_daemon start "$SPARK_MASTER_CLASS" 1 \
      --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$MASTER_UI_PORT" >/dev/null
    local worker
    for worker in 1 2; do
      SPARK_DAEMON_MEMORY=256m spark_daemon start "$SPARK_WORKER_CLASS" "$worker" \
        --host 127.0.0.1 --port 0 --webui-port 0 --cores 1 --memory 640m "$master" >/dev/null
    done
    spark_wait_master 2 0 || return 1
  fi
  say "Spark starten ($master): Spark Connect op sc://127.0.0.1:$CONNECT_PORT, Thrift op hive2://127.0.0.1:$THRIFT_PORT"
  SPARK_DAEMON_MEMORY="${LIVINGLAB_SPARK_MEMORY:-1g}" spark_daemon submit "$SPARK_DRIVER_CLASS" 1 \
    --name livinglab --master "$master" \
    --conf spark.ui.enabled=false \
    --conf spark.sql.catalogImplementation=in-memory \
    --conf spark.sql.warehouse.dir="$SPARK_STATE/warehouse" \
    --conf spark.local.dir="$SPARK_STATE/tmp" \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.executor.memory=512m --conf spark.executor.cores=1 \
    --conf spark.sql.shuffle.partitions=8 \
    --conf spark.plugins=org.apache.spark.sql.connect.SparkConnectPlugin \
    --conf spark.connect.grpc.binding.address=127.0.0.1 \
    --conf spark.connect.grpc.binding.port="$CONNECT_PORT" \
    --hiveconf hive.server2.thrift.bind.host=127.0.0.1 \
    --hiveconf hive.server2.thrift.port="$THRIFT_PORT" \
    --hiveconf hive.server2.logging.operation.enabled=false >/dev/null
  spark_wait "$CONNECT_PORT" "$THRIFT_PORT" || return 1
  # Both workers have started an executor for the application: queries run on the cluster.
  [ -z "$cluster" ] || spark_wait_master 2 2 || return 1
  say "Spark draait. Gebruik: --engine spark --spark-url sc://127.0.0.1:$CONNECT_PORT (of hive2://127.0.0.1:$THRIFT_PORT)"
}

# Stops one daemon by its pid file: TERM (spark-daemon.sh), then waits until the process is gone.
spark_stop_one() {
  local pidfile="$SPARK_PID_DIR/spark-livinglab-$1-$2.pid" pid deadline
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  spark_daemon stop "$1" "$2" >/dev/null 2>&1 || true
  deadline=$((SECONDS + 60))
  while kill -0 "$pid" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then kill -KILL "$pid" 2>/dev/null || true; break; fi
    sleep 0.2
  done
}

spark_stop() {
  spark_stop_one "$SPARK_DRIVER_CLASS" 1
  spark_stop_one "$SPARK_WORKER_CLASS" 1
  spark_stop_one "$SPARK_WORKER_CLASS" 2
  spark_stop_one "$SPARK_MASTER_CLASS" 1
}

spark_status() {
  local running=1 class instance
  for class in "$SPARK_DRIVER_CLASS:1" "$SPARK_MASTER_CLASS:1" "$SPARK_WORKER_CLASS:1" "$SPARK_WORKER_CLASS:2"; do
    instance="${class##*:}"; class="${class%:*}"
    [ -f "$SPARK_PID_DIR/spark-livinglab-$class-$instance.pid" ] || continue
    if spark_daemon status "$class" "$instance" >/dev/null 2>&1; then
      echo "draait: ${class##*.} $instance"
      running=0
    else
      echo "gestopt: ${class##*.} $instance"
    fi
  done
  [ $running -eq 0 ] || echo "Spark draait niet."
  return $running
}

spark_command() {
  spark_env
  case "${1:-}" in
    start) shift; spark_start "$@" ;;
    stop) spark_stop; say "Spark gestopt." ;;
    status) spark_status ;;
    test) spark_conformance ;;
    *) echo "Gebruik: ./lab spark start [--cluster] | stop | status | test" >&2; return 3 ;;
  esac
}

# Free ports on 127.0.0.1 for a throwaway Spark, so a user's own Spark keeps its ports.
spark_free_port() { "$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The conformance step of ./lab test: a throwaway local Spark, the Spark tests, and a clean stop.
# LIVINGLAB_SPARK_CONFORMANCE_CLUSTER=1 runs it on a two-worker standalone cluster instead, so
# every query runs distributed over executors as on a real cluster (slower: five JVMs share the cores).
spark_conformance() {
  local state; state="$(mktemp -d)"
  LIVINGLAB_SPARK_STATE="$state" LIVINGLAB_SPARK_CONNECT_PORT="$(spark_free_port)" \
    LIVINGLAB_SPARK_THRIFT_PORT="$(spark_free_port)" LIVINGLAB_SPARK_MASTER_PORT="$(spark_free_port)" \
    LIVINGLAB_SPARK_MASTER_UI_PORT="$(spark_free_port)" spark_env
  local started=$SECONDS
  if [ -n "${LIVINGLAB_SPARK_CONFORMANCE_CLUSTER:-}" ]; then
    say "Spark-conformiteit: een lokale Spark-cluster met twee workers starten"
    spark_start --cluster || { rm -rf "$state"; return 1; }
  else
    say "Spark-conformiteit: lokale Spark starten"
    spark_start || { rm -rf "$state"; return 1; }
  fi
  say "Spark draaide na $((SECONDS - started)) s"
  local code=0
  SPARK_REMOTE="sc://127.0.0.1:$CONNECT_PORT" LIVINGLAB_SPARK_THRIFT_URL="hive2://127.0.0.1:$THRIFT_PORT" \
    vitest run --config vitest.spark.config.ts || code=$?
  spark_stop
  rm -rf "$state"
  say "Spark-conformiteit klaar na $((SECONDS - started)) s"
  return $code
}
