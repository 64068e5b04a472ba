# The sandbox: runnable twins of five sectoral systems with sample data (the gateway's upstreams),
# in one JVM. Built when its sources are newer than its jar, then run from a copy of the fast-jar
# under .run/, so a later build (the gateway's, or `mvn verify` in ./camau test) never rewrites
# the jar it runs from. Sourced by ./camau.

: "${CAMAU_SANDBOX_PORT:=8280}"
export CAMAU_SANDBOX_PORT
export CAMAU_SANDBOX_URL="http://localhost:${CAMAU_SANDBOX_PORT}"

SANDBOX_APP="$ROOT/sandbox/target/quarkus-app"
SANDBOX_JAR="$SANDBOX_APP/quarkus-run.jar"
SANDBOX_RUN_APP="$RUN_DIR/sandbox-app"
SANDBOX_COPIED="$SANDBOX_RUN_APP/.copied"
# Serial GC and a small heap: the sample data is a few MB, and bodies are streamed, not held.
: "${CAMAU_SANDBOX_JAVA_OPTS:=-XX:+UseSerialGC -Xmx128m -XX:+ExitOnOutOfMemoryError}"

sandbox_sources_newer_than() {
  [ -n "$(find pom.xml sandbox/pom.xml sandbox/src openapi/upstreams -newer "$1" -type f -print -quit)" ]
}

sandbox_needs_build() {
  [ -f "$SANDBOX_JAR" ] || return 0
  sandbox_sources_newer_than "$SANDBOX_JAR"
}

# The running copy is out of date when the sandbox's sources changed after it was made.
sandbox_copy_stale() {
  [ -f "$SANDBOX_COPIED" ] || return 0
  sandbox_sources_newer_than "$SANDBOX_COPIED"
}

sandbox_build() {
  part_step sandbox "building (./mvnw package -pl sandbox -DskipTests)"
  ./mvnw -B -q package -pl sandbox -DskipTests >"$LOG_DIR/sandbox-build.log" 2>&1 ||
    part_fail sandbox "the build failed" "$LOG_DIR/sandbox-build.log"
}

sandbox_up() {
  local pid
  if pid="$(part_pid sandbox)" && ! sandbox_needs_build && ! sandbox_copy_stale; then
    part_step sandbox "already running (pid $pid)"
  else
    [ -z "${pid:-}" ] || part_stop sandbox
    if sandbox_needs_build; then
      sandbox_build
    fi
    part_start_app sandbox CAMAU_SANDBOX_PORT "$SANDBOX_APP" "$SANDBOX_RUN_APP" "$CAMAU_SANDBOX_JAVA_OPTS"
    pid="$(part_pid sandbox)"
  fi
  part_wait_http sandbox "$CAMAU_SANDBOX_URL/q/health/ready" "$pid"
  part_step sandbox "ready: $CAMAU_SANDBOX_URL (faults: $CAMAU_SANDBOX_URL/_sandbox/systems)"
}

sandbox_down() { part_stop sandbox; }

sandbox_status() {
  local pid
  if pid="$(part_pid sandbox)"; then
    part_step sandbox "running (pid $pid): $CAMAU_SANDBOX_URL ($(http_status "$CAMAU_SANDBOX_URL/q/health/ready" | sed 's/^200$/ready/;s/^[0-9]*$/not ready/'))"
  else
    part_step sandbox "not running"
  fi
}
