# What every part of the platform shares: settings, progress lines, process records, waiting.
# Sourced by ./camau.

: "${CAMAU_GATEWAY_PORT:=8080}"
: "${CAMAU_GATEWAY_TEST_PORT:=8081}"
: "${CAMAU_KEYCLOAK_PORT:=8180}"
: "${CAMAU_KEYCLOAK_MGMT_PORT:=9180}"
: "${CAMAU_DB_PORT:=5432}"
: "${CAMAU_DB_NAME:=camau}"
: "${CAMAU_TEST_DB_NAME:=camau_test}"
: "${CAMAU_DB_USER:=camau}"
: "${CAMAU_DB_PASSWORD:=camau}"
: "${CAMAU_CACHE:=$HOME/.cache/camau-g}"
: "${CAMAU_WAIT_SECONDS:=180}"
CAMAU_DEMO_PASSWORD='CaMau@2026'
export CAMAU_GATEWAY_PORT CAMAU_GATEWAY_TEST_PORT CAMAU_KEYCLOAK_PORT CAMAU_DB_PORT CAMAU_DB_USER CAMAU_DB_PASSWORD
export CAMAU_TEST_DB_NAME
export CAMAU_KEYCLOAK_URL="http://localhost:${CAMAU_KEYCLOAK_PORT}"

# Per-checkout state: process ids, logs, Keycloak's unpacked copy and its embedded database.
RUN_DIR="$ROOT/.run"
LOG_DIR="$RUN_DIR/logs"
mkdir -p "$LOG_DIR" "$CAMAU_CACHE"

part_step() { printf '%-10s %s\n' "$1" "$2"; }

part_fail() {
  local part="$1" message="$2" log="${3:-}"
  printf '%-10s FAILED: %s\n' "$part" "$message" >&2
  if [ -n "$log" ] && [ -f "$log" ]; then
    echo "---- last lines of $log ----" >&2
    tail -n 40 "$log" >&2
    echo "----" >&2
  fi
  exit 1
}

part_pid_file() { echo "$RUN_DIR/$1.pid"; }

# The recorded process of a part, if it is still running.
part_pid() {
  local file pid
  file="$(part_pid_file "$1")"
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    echo "$pid"
    return 0
  fi
  return 1
}

# Starts a command in its own session (so `down` can stop it with everything it spawned),
# with output to the part's log, and records its process id.
part_spawn() {
  local part="$1"
  shift
  local log="$LOG_DIR/$part.log"
  : >"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(part_pid_file "$part")"
}

# Copies a built Quarkus app to where it will run from, so a later build never rewrites the
# classes of a running JVM; the copy's .copied file says when it was made.
part_copy_app() {
  local from="$1" to="$2"
  rm -rf "$to"
  cp -a "$from" "$to"
  touch "$to/.copied"
}

# Starts a built Quarkus app as a part: refuses a port another program holds, runs it from a
# fresh copy (part_copy_app), records its process id.
part_start_app() {
  local part="$1" port_variable="$2" app="$3" run_app="$4" java_opts="$5"
  local port="${!port_variable}"
  if port_in_use "$port"; then
    part_fail "$part" "port $port is taken by another program (set $port_variable)"
  fi
  part_copy_app "$app" "$run_app"
  part_step "$part" "starting on port $port"
  # shellcheck disable=SC2086 # the options are a list of words
  part_spawn "$part" "$(camau_java_home)/bin/java" $java_opts -jar "$run_app/quarkus-run.jar"
  part_pid "$part" >/dev/null || part_fail "$part" "did not start" "$LOG_DIR/$part.log"
}

part_stop() {
  local part="$1" pid
  if ! pid="$(part_pid "$part")"; then
    rm -f "$(part_pid_file "$part")"
    part_step "$part" "not running"
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do
    sleep 1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(part_pid_file "$part")"
  part_step "$part" "stopped"
}

# Waits until URL answers 200, while the part's process lives, for at most CAMAU_WAIT_SECONDS.
part_wait_http() {
  local part="$1" url="$2" pid="${3:-}"
  local deadline=$((SECONDS + CAMAU_WAIT_SECONDS))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      part_fail "$part" "the process exited before it was ready" "$LOG_DIR/$part.log"
    fi
    if [ "$(http_status "$url")" = "200" ]; then
      return 0
    fi
    sleep 1
  done
  part_fail "$part" "not ready after ${CAMAU_WAIT_SECONDS}s ($url)" "$LOG_DIR/$part.log"
}

# The HTTP status of a GET, or 000 when nothing answers. Uses curl when present, bash otherwise.
http_status() {
  local url="$1"
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" 2>/dev/null || echo 000
    return 0
  fi
  local rest="${url#http://}" hostport path host port line
  hostport="${rest%%/*}"
  path="/${rest#*/}"
  host="${hostport%%:*}"
  port="${hostport##*:}"
  if ! exec 3<>"/dev/tcp/$host/$port" 2>/dev/null; then
    echo 000
    return 0
  fi
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
  read -r -t 5 line <&3 || line=""
  exec 3<&- 3>&-
  line="${line#HTTP/* }"
  echo "${line:0:3}"
}

part_logs() {
  local log="$LOG_DIR/$1.log"
  [ -f "$log" ] || { echo "No log for $1 yet ($log)." >&2; exit 1; }
  exec tail -n 100 -f "$log"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
