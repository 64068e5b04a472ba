# PostgreSQL from Debian's packages: installed when missing (as root), the cluster on
# CAMAU_DB_PORT started when down, the camau role and database made when missing.
# Sourced by ./camau.

POSTGRES_STARTED_FILE="$RUN_DIR/postgres.started"

postgres_as_superuser() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    sudo -n -u postgres -- "$@"
  fi
}

postgres_need_root() {
  part_fail postgres "$1. Run it as root, or run: sudo $2"
}

postgres_install() {
  command -v pg_lsclusters >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != "0" ]; then
    postgres_need_root "PostgreSQL is not installed" "apt-get install -y postgresql"
  fi
  part_step postgres "installing Debian's postgresql package"
  local log="$LOG_DIR/postgres-install.log"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; } >"$log" 2>&1 ||
    part_fail postgres "apt-get install postgresql failed" "$log"
}

# "VERSION NAME STATUS" of the cluster on CAMAU_DB_PORT, if there is one.
postgres_cluster() {
  pg_lsclusters -h 2>/dev/null | awk -v port="$CAMAU_DB_PORT" '$3 == port { print $1, $2, $4; exit }'
}

postgres_ensure_cluster() {
  local cluster version
  cluster="$(postgres_cluster)"
  if [ -z "$cluster" ]; then
    [ "$(id -u)" = "0" ] || postgres_need_root "no PostgreSQL cluster listens on port $CAMAU_DB_PORT" \
      "pg_createcluster --start -p $CAMAU_DB_PORT <version> camau"
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    part_step postgres "creating cluster $version/camau on port $CAMAU_DB_PORT"
    pg_createcluster -p "$CAMAU_DB_PORT" "$version" camau >"$LOG_DIR/postgres-install.log" 2>&1 ||
      part_fail postgres "pg_createcluster failed" "$LOG_DIR/postgres-install.log"
    cluster="$(postgres_cluster)"
  fi
  echo "$cluster"
}

postgres_up() {
  local database="$1" version name status
  postgres_install
  read -r version name status <<<"$(postgres_ensure_cluster)"
  if [ "$status" != "online" ]; then
    [ "$(id -u)" = "0" ] || postgres_need_root "cluster $version/$name is $status" "pg_ctlcluster $version $name start"
    part_step postgres "starting cluster $version/$name on port $CAMAU_DB_PORT"
    pg_ctlcluster "$version" "$name" start >>"$LOG_DIR/postgres.log" 2>&1 ||
      part_fail postgres "pg_ctlcluster $version $name start failed" "/var/log/postgresql/postgresql-$version-$name.log"
    echo "$version $name" >"$POSTGRES_STARTED_FILE"
  fi
  local deadline=$((SECONDS + CAMAU_WAIT_SECONDS))
  until pg_isready -q -h localhost -p "$CAMAU_DB_PORT"; do
    [ "$SECONDS" -lt "$deadline" ] ||
      part_fail postgres "not accepting connections on port $CAMAU_DB_PORT" "/var/log/postgresql/postgresql-$version-$name.log"
    sleep 1
  done
  postgres_ensure_database "$database"
  part_step postgres "ready: postgresql://localhost:$CAMAU_DB_PORT/$database (cluster $version/$name)"
}

postgres_can_login() {
  PGPASSWORD="$CAMAU_DB_PASSWORD" psql -h localhost -p "$CAMAU_DB_PORT" -U "$CAMAU_DB_USER" -d "$1" \
    -tAc 'select 1' >/dev/null 2>&1
}

postgres_ensure_database() {
  local database="$1"
  postgres_can_login "$database" && return 0
  postgres_as_superuser psql -p "$CAMAU_DB_PORT" -v ON_ERROR_STOP=1 -q >"$LOG_DIR/postgres-setup.log" 2>&1 <<SQL ||
SELECT 'CREATE ROLE $CAMAU_DB_USER LOGIN PASSWORD ''$CAMAU_DB_PASSWORD'''
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$CAMAU_DB_USER')\gexec
SELECT 'CREATE DATABASE $database OWNER $CAMAU_DB_USER ENCODING ''UTF8'' TEMPLATE template0'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$database')\gexec
SQL
    part_fail postgres "could not create role $CAMAU_DB_USER and database $database" "$LOG_DIR/postgres-setup.log"
  postgres_can_login "$database" ||
    part_fail postgres "role $CAMAU_DB_USER cannot log in to $database over TCP (check pg_hba.conf)"
}

# A new, empty database: every test run starts from the migrations alone.
postgres_recreate_database() {
  local database="$1"
  postgres_as_superuser psql -p "$CAMAU_DB_PORT" -v ON_ERROR_STOP=1 -q >"$LOG_DIR/postgres-setup.log" 2>&1 <<SQL ||
DROP DATABASE IF EXISTS $database WITH (FORCE);
CREATE DATABASE $database OWNER $CAMAU_DB_USER ENCODING 'UTF8' TEMPLATE template0;
SQL
    part_fail postgres "could not recreate database $database" "$LOG_DIR/postgres-setup.log"
  part_step postgres "fresh database $database for the tests"
}

postgres_down() {
  if [ ! -f "$POSTGRES_STARTED_FILE" ]; then
    part_step postgres "left running (camau did not start it)"
    return 0
  fi
  local version name
  read -r version name <"$POSTGRES_STARTED_FILE"
  pg_ctlcluster "$version" "$name" stop >/dev/null 2>&1 || true
  rm -f "$POSTGRES_STARTED_FILE"
  part_step postgres "stopped cluster $version/$name"
}

postgres_status() {
  local cluster
  cluster="$(command -v pg_lsclusters >/dev/null 2>&1 && postgres_cluster || true)"
  if [ -z "$cluster" ]; then
    part_step postgres "no cluster on port $CAMAU_DB_PORT"
  else
    local version name status
    read -r version name status <<<"$cluster"
    part_step postgres "cluster $version/$name is $status on port $CAMAU_DB_PORT"
  fi
}

postgres_logs() {
  local version name _
  read -r version name _ <<<"$(postgres_cluster)"
  exec tail -n 100 -f "/var/log/postgresql/postgresql-$version-$name.log"
}
