# The gateway: built when its sources are newer than its jar, then run from the fast-jar.
# Sourced by ./camau.

GATEWAY_JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
# Serial GC and a small heap: the gateway holds little, and G1 tripled its memory (PERF-NOTES.md).
: "${CAMAU_GATEWAY_JAVA_OPTS:=-XX:+UseSerialGC -Xmx256m -XX:+ExitOnOutOfMemoryError}"

# The development platform's secrets: those of sso/realm/dev and the sandbox's API key.
# Production sets its own; none of these exist in a production realm.
gateway_export_env() {
  export CAMAU_DB_NAME="$1"
  export CAMAU_GATEWAY_CLIENT_SECRET="${CAMAU_GATEWAY_CLIENT_SECRET:-camau-gateway-dev-secret}"
  export CAMAU_PLATFORM_CLIENT_SECRET="${CAMAU_PLATFORM_CLIENT_SECRET:-camau-platform-dev-secret}"
  export CAMAU_PROVISIONER_CLIENT_SECRET="${CAMAU_PROVISIONER_CLIENT_SECRET:-camau-provisioner-dev-secret}"
  export CAMAU_SECRETS_QUAN_TRAC_MOI_TRUONG="${CAMAU_SECRETS_QUAN_TRAC_MOI_TRUONG:-sandbox-quan-trac-key}"
}

gateway_needs_build() {
  [ -f "$GATEWAY_JAR" ] || return 0
  [ -n "$(find pom.xml gateway/pom.xml gateway/src modules openapi -newer "$GATEWAY_JAR" -type f -print -quit)" ]
}

gateway_build() {
  part_step gateway "building (./mvnw package -DskipTests)"
  ./mvnw -B -q package -DskipTests >"$LOG_DIR/gateway-build.log" 2>&1 ||
    part_fail gateway "the build failed" "$LOG_DIR/gateway-build.log"
}

gateway_up() {
  local pid
  if pid="$(part_pid gateway)" && ! gateway_needs_build; then
    part_step gateway "already running (pid $pid)"
  else
    [ -z "${pid:-}" ] || part_stop gateway
    if gateway_needs_build; then
      gateway_build
    fi
    if port_in_use "$CAMAU_GATEWAY_PORT"; then
      part_fail gateway "port $CAMAU_GATEWAY_PORT is taken by another program (set CAMAU_GATEWAY_PORT)"
    fi
    gateway_export_env "$CAMAU_DB_NAME"
    part_step gateway "starting on port $CAMAU_GATEWAY_PORT"
    # shellcheck disable=SC2086 # the options are a list of words
    part_spawn gateway "$(camau_java_home)/bin/java" $CAMAU_GATEWAY_JAVA_OPTS -jar "$GATEWAY_JAR"
    pid="$(part_pid gateway)" || part_fail gateway "did not start" "$LOG_DIR/gateway.log"
  fi
  part_wait_http gateway "http://localhost:$CAMAU_GATEWAY_PORT/q/health/ready" "$pid"
  part_step gateway "ready: http://localhost:$CAMAU_GATEWAY_PORT"
}

gateway_down() { part_stop gateway; }

gateway_status() {
  local pid
  if pid="$(part_pid gateway)"; then
    part_step gateway "running (pid $pid): http://localhost:$CAMAU_GATEWAY_PORT ($(http_status "http://localhost:$CAMAU_GATEWAY_PORT/q/health/ready" | sed 's/^200$/ready/;s/^[0-9]*$/not ready/'))"
  else
    part_step gateway "not running"
  fi
}
