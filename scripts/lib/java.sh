# Picks a JDK 21+ for the build, Keycloak and the gateway. Sourced by ./camau and ./mvnw.
#
# Order: CAMAU_JAVA_HOME, then JAVA_HOME, then any JDK under /usr/lib/jvm, each taken
# only when it is Java 21 or newer.

camau_java_major() {
  local java="$1/bin/java"
  [ -x "$java" ] || return 1
  "$java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1
}

camau_java_home() {
  local candidate major
  for candidate in "${CAMAU_JAVA_HOME:-}" "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -n "$candidate" ] || continue
    major="$(camau_java_major "$candidate" || true)"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  echo "camau: no JDK 21 or newer found (set CAMAU_JAVA_HOME, or apt-get install openjdk-21-jdk)." >&2
  return 1
}
