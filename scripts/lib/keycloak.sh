# Keycloak, from Maven Central (org.keycloak:keycloak-quarkus-dist, zip), in development mode with
# the camau realm imported, then the development-only clients and demo users loaded on top.
# Sourced by ./camau.

KEYCLOAK_VERSION=26.5.6
KEYCLOAK_ZIP="$CAMAU_CACHE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
# An unpacked copy per checkout: its embedded H2 database is this checkout's realm state.
KEYCLOAK_HOME="$RUN_DIR/keycloak-$KEYCLOAK_VERSION"
KEYCLOAK_REALM="$ROOT/sso/realm/camau-realm.json"
KEYCLOAK_DEV_DATA="$ROOT/sso/realm/dev/camau-dev.json"
KEYCLOAK_ADMIN_USER=admin
KEYCLOAK_ADMIN_PASSWORD=admin

keycloak_fetch() {
  [ -f "$KEYCLOAK_ZIP" ] && return 0
  part_step keycloak "fetching keycloak-quarkus-dist $KEYCLOAK_VERSION"
  ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$CAMAU_CACHE" >"$LOG_DIR/keycloak-fetch.log" 2>&1 ||
    part_fail keycloak "could not fetch Keycloak" "$LOG_DIR/keycloak-fetch.log"
}

keycloak_unpack() {
  [ -x "$KEYCLOAK_HOME/bin/kc.sh" ] && return 0
  part_step keycloak "unpacking into $KEYCLOAK_HOME"
  local tmp
  tmp="$(mktemp -d "$RUN_DIR/keycloak-unpack.XXXXXX")"
  if ! command -v unzip >/dev/null 2>&1; then
    (cd "$tmp" && "$(camau_java_home)/bin/jar" xf "$KEYCLOAK_ZIP")
    chmod +x "$tmp/keycloak-$KEYCLOAK_VERSION/bin/"*.sh
  else
    unzip -q "$KEYCLOAK_ZIP" -d "$tmp"
  fi
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rmdir "$tmp"
}

# A changed realm file is imported afresh: the embedded database is dropped first.
keycloak_stage_realm() {
  local import="$KEYCLOAK_HOME/data/import" marker="$RUN_DIR/keycloak-realm.sha256" wanted
  wanted="$(sha256sum "$KEYCLOAK_REALM" | cut -d' ' -f1)"
  if [ ! -f "$marker" ] || [ "$(cat "$marker")" != "$wanted" ]; then
    rm -rf "$KEYCLOAK_HOME/data/h2"
    echo "$wanted" >"$marker"
  fi
  mkdir -p "$import"
  cp "$KEYCLOAK_REALM" "$import/camau-realm.json"
}

# A partial import gives the users it creates new ids; only an import that overwrites them keeps
# the file's fixed ids (the demo users' stable subjects), and not always the first one: import
# until the first demo user has its id, a few times at most.
keycloak_import_until_ids_hold() {
  local config="$1" wanted attempt
  wanted="$(grep -B1 '"username": "canbo.tinh"' "$KEYCLOAK_DEV_DATA" | sed -n 's/.*"id": "\([^"]*\)".*/\1/p')"
  for attempt in 1 2 3 4; do
    "$KEYCLOAK_HOME/bin/kcadm.sh" create partialImport --config "$config" -r camau -f "$KEYCLOAK_DEV_DATA" || return 1
    if "$KEYCLOAK_HOME/bin/kcadm.sh" get users --config "$config" -r camau -q username=canbo.tinh -q exact=true \
      --fields id --format csv --noquotes | grep -qx "$wanted"; then
      return 0
    fi
  done
  echo "the demo users did not keep their ids after $attempt imports"
  return 1
}

keycloak_seed_dev_data() {
  local config="$RUN_DIR/kcadm.config" log="$LOG_DIR/keycloak-seed.log"
  export JAVA_HOME
  JAVA_HOME="$(camau_java_home)"
  {
    "$KEYCLOAK_HOME/bin/kcadm.sh" config credentials --config "$config" \
      --server "http://localhost:$CAMAU_KEYCLOAK_PORT" --realm master \
      --user "$KEYCLOAK_ADMIN_USER" --password "$KEYCLOAK_ADMIN_PASSWORD" &&
      keycloak_import_until_ids_hold "$config"
  } >"$log" 2>&1 || part_fail keycloak "loading the demo users and test clients failed" "$log"
}

# Whether the running Keycloak imported another realm file than the one in sso/realm now.
keycloak_realm_changed() {
  local marker="$RUN_DIR/keycloak-realm.sha256"
  [ ! -f "$marker" ] || [ "$(cat "$marker")" != "$(sha256sum "$KEYCLOAK_REALM" | cut -d' ' -f1)" ]
}

keycloak_up() {
  local pid
  if pid="$(part_pid keycloak)" && keycloak_realm_changed; then
    part_step keycloak "the realm file changed: restarting to import it afresh"
    part_stop keycloak
    pid=""
  fi
  if [ -n "${pid:-}" ]; then
    part_step keycloak "already running (pid $pid)"
  else
    if port_in_use "$CAMAU_KEYCLOAK_PORT"; then
      part_fail keycloak "port $CAMAU_KEYCLOAK_PORT is taken by another program (set CAMAU_KEYCLOAK_PORT)"
    fi
    keycloak_fetch
    keycloak_unpack
    keycloak_stage_realm
    part_step keycloak "starting on port $CAMAU_KEYCLOAK_PORT"
    # The add-opens silences a JBoss Threads error on Java 24+ at shutdown.
    JAVA_HOME="$(camau_java_home)" JAVA_OPTS_APPEND="--add-opens=java.base/java.lang=ALL-UNNAMED" \
      KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
      part_spawn keycloak "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
      --http-port="$CAMAU_KEYCLOAK_PORT" --http-management-port="$CAMAU_KEYCLOAK_MGMT_PORT" \
      --health-enabled=true --import-realm
    pid="$(part_pid keycloak)" || part_fail keycloak "did not start" "$LOG_DIR/keycloak.log"
  fi
  part_wait_http keycloak "http://localhost:$CAMAU_KEYCLOAK_MGMT_PORT/health/ready" "$pid"
  part_wait_http keycloak "http://localhost:$CAMAU_KEYCLOAK_PORT/realms/camau/.well-known/openid-configuration" "$pid"
  keycloak_seed_dev_data
  part_step keycloak "ready: http://localhost:$CAMAU_KEYCLOAK_PORT/realms/camau"
}

keycloak_down() { part_stop keycloak; }

keycloak_status() {
  local pid
  if pid="$(part_pid keycloak)"; then
    part_step keycloak "running (pid $pid): http://localhost:$CAMAU_KEYCLOAK_PORT/admin/"
  else
    part_step keycloak "not running"
  fi
}
