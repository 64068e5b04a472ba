# The gateway: built when its sources are newer than its jar, then run from a copy of the
# fast-jar under .run/, so a later build (`./camau test` runs `mvn verify`) never rewrites the
# classes of the running gateway; a newer build is picked up by the next `up`. Sourced by ./camau.

GATEWAY_APP="$ROOT/gateway/target/quarkus-app"
GATEWAY_JAR="$GATEWAY_APP/quarkus-run.jar"
GATEWAY_RUN_APP="$RUN_DIR/gateway-app"
# Serial GC, a small heap that grows on demand and compact object headers: the gateway holds little,
# G1 tripled its memory (PERF-NOTES.md), and resident memory is a target (bench/README.md).
: "${CAMAU_GATEWAY_JAVA_OPTS:=-XX:+UseSerialGC -Xms32m -Xmx160m -XX:+UseCompactObjectHeaders -XX:+ExitOnOutOfMemoryError}"
# Not a tuning option, so not in the overridable list: Quarkus then leaves malformed URIs to the
# gateway's edge filter, which answers them with a problem instead of an empty 400.
GATEWAY_REQUIRED_JAVA_OPTS="-Dvertx.disableURIValidation=true"

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

# The running copy is out of date when a newer build exists, or manifests changed since it started.
gateway_copy_stale() {
  [ -f "$GATEWAY_RUN_APP/quarkus-run.jar" ] || return 0
  [ "$GATEWAY_JAR" -nt "$GATEWAY_RUN_APP/.copied" ] ||
    [ -n "$(find modules/declared -newer "$GATEWAY_RUN_APP/.copied" -type f -print -quit)" ]
}

gateway_build() {
  part_step gateway "building (./mvnw package -DskipTests)"
  ./mvnw -B -q package -DskipTests >"$LOG_DIR/gateway-build.log" 2>&1 ||
    part_fail gateway "the build failed" "$LOG_DIR/gateway-build.log"
}

gateway_up() {
  local pid
  if pid="$(part_pid gateway)" && ! gateway_needs_build && ! gateway_copy_stale; then
    part_step gateway "already running (pid $pid)"
  else
    [ -z "${pid:-}" ] || part_stop gateway
    if gateway_needs_build; then
      gateway_build
    fi
    gateway_export_env "$CAMAU_DB_NAME"
    part_start_app gateway CAMAU_GATEWAY_PORT "$GATEWAY_APP" "$GATEWAY_RUN_APP" "$CAMAU_GATEWAY_JAVA_OPTS $GATEWAY_REQUIRED_JAVA_OPTS"
    pid="$(part_pid gateway)"
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
