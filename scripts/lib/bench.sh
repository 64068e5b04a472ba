# `./camau bench`: the gateway against nginx on the same 1 KB JSON upstream, loopback only,
# bounded in time. See bench/README.md. Sourced by ./camau (after parts.sh, gateway.sh).

: "${CAMAU_BENCH_UPSTREAM_PORT:=18091}"
: "${CAMAU_BENCH_NGINX_PORT:=18092}"
: "${CAMAU_BENCH_GATEWAY_PORT:=18080}"
: "${CAMAU_BENCH_CONNECTIONS:=64}"
: "${CAMAU_BENCH_CPU_RATE:=3000}"
BENCH_APP_ID="bench-upstream"
BENCH_MAX_SECONDS=900
BENCH_VARIANTS="direct nginx gateway gateway-jwt"
BENCH_PIDS=()

bench_step() { printf '%-10s [%4ss] %s\n' bench "$((SECONDS - BENCH_T0))" "$1"; }

bench_fail() {
  printf '%-10s FAILED: %s\n' bench "$1" >&2
  if [ -n "${2:-}" ] && [ -f "$2" ]; then
    echo "---- last lines of $2 ----" >&2
    tail -n 30 "$2" >&2
  fi
  exit 1
}

# Every long step checks the whole run's time budget first.
bench_check_budget() {
  if [ $((SECONDS - BENCH_T0)) -gt "$BENCH_MAX_SECONDS" ]; then
    bench_fail "over the ${BENCH_MAX_SECONDS}s budget; stopping"
  fi
}

# Stops only what this run started (recorded process ids and their process groups).
bench_cleanup() {
  local pid
  [ -n "${BENCH_TOKEN_ADMIN:-}" ] && bench_disable_app >/dev/null 2>&1 || true
  for pid in "${BENCH_PIDS[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  sleep 1
  for pid in "${BENCH_PIDS[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  if [ -n "${BENCH_TMP:-}" ] && [ -d "$BENCH_TMP" ] && [ -z "${CAMAU_BENCH_KEEP_TMP:-}" ]; then
    rm -rf "$BENCH_TMP"
  fi
}

bench_need_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v taskset >/dev/null 2>&1 || missing+=(util-linux)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ "${#missing[@]}" -gt 0 ]; then
    [ "$(id -u)" = 0 ] || bench_fail "missing ${missing[*]}: install them (apt-get install -y ${missing[*]}) or run as root"
    bench_step "installing ${missing[*]} (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
      >"$BENCH_TMP/apt.log" 2>&1 || bench_fail "apt-get install ${missing[*]} failed" "$BENCH_TMP/apt.log"
  fi
  BENCH_NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
  [ "$(nproc --all)" -ge 2 ] || bench_fail "needs 2 CPUs (load generator on CPU0, system under test on CPU1)"
}

bench_port_free() {
  ! port_in_use "$1" || bench_fail "port $1 is taken (set $2)"
}

# Starts a command in its own session, pinned to a CPU; records its pid for cleanup.
bench_spawn() {
  local cpu="$1" log="$2"
  shift 2
  setsid taskset -c "$cpu" "$@" >>"$log" 2>&1 </dev/null &
  BENCH_LAST_PID=$!
  BENCH_PIDS+=("$BENCH_LAST_PID")
}

bench_wait_http() {
  local url="$1" pid="$2" log="$3" waited=0
  while [ "$(http_status "$url")" != 200 ]; do
    kill -0 "$pid" 2>/dev/null || bench_fail "exited before it answered $url" "$log"
    [ "$waited" -lt 120 ] || bench_fail "no 200 from $url after 120s" "$log"
    sleep 0.5
    waited=$((waited + 1))
  done
}

# nginx, run in the foreground by us: its own prefix, pid, logs and temp paths under BENCH_TMP.
bench_nginx_conf() {
  local name="$1" server="$2"
  cat >"$BENCH_TMP/$name.conf" <<EOF
worker_processes 1;
daemon off;
master_process on;
pid $BENCH_TMP/$name.pid;
error_log $BENCH_TMP/$name-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 10000000;
  keepalive_timeout 120s;
  client_body_temp_path $BENCH_TMP/$name-tmp/body;
  proxy_temp_path $BENCH_TMP/$name-tmp/proxy;
  fastcgi_temp_path $BENCH_TMP/$name-tmp/fastcgi;
  uwsgi_temp_path $BENCH_TMP/$name-tmp/uwsgi;
  scgi_temp_path $BENCH_TMP/$name-tmp/scgi;
$server
}
EOF
  mkdir -p "$BENCH_TMP/$name-tmp"
}

bench_start_nginx() {
  bench_nginx_conf upstream "  server {
    listen 127.0.0.1:$CAMAU_BENCH_UPSTREAM_PORT;
    root $BENCH_TMP/www;
    location / { }
  }"
  bench_nginx_conf proxy "  upstream bench_upstream { server 127.0.0.1:$CAMAU_BENCH_UPSTREAM_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$CAMAU_BENCH_NGINX_PORT;
    location / {
      proxy_pass http://bench_upstream;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
    }
  }"
  bench_spawn 0 "$BENCH_TMP/upstream.out" "$BENCH_NGINX" -p "$BENCH_TMP" -e "$BENCH_TMP/upstream-error.log" -c "$BENCH_TMP/upstream.conf"
  BENCH_UPSTREAM_PID=$BENCH_LAST_PID
  bench_spawn 1 "$BENCH_TMP/proxy.out" "$BENCH_NGINX" -p "$BENCH_TMP" -e "$BENCH_TMP/proxy-error.log" -c "$BENCH_TMP/proxy.conf"
  BENCH_NGINX_PID=$BENCH_LAST_PID
  bench_wait_http "http://127.0.0.1:$CAMAU_BENCH_UPSTREAM_PORT/data" "$BENCH_UPSTREAM_PID" "$BENCH_TMP/upstream-error.log"
  bench_wait_http "http://127.0.0.1:$CAMAU_BENCH_NGINX_PORT/data" "$BENCH_NGINX_PID" "$BENCH_TMP/proxy-error.log"
}

bench_start_gateway() {
  if [ ! -f "$GATEWAY_JAR" ]; then
    bench_step "building the gateway (./mvnw package -DskipTests)"
    ./mvnw -B -q package -DskipTests -pl modules/spi,modules/canh-bao-man,gateway \
      >"$BENCH_TMP/gateway-build.log" 2>&1 || bench_fail "the build failed" "$BENCH_TMP/gateway-build.log"
  fi
  cp -a "$GATEWAY_APP" "$BENCH_TMP/gateway-app"
  local started=$SECONDS
  (
    gateway_export_env "$CAMAU_DB_NAME"
    export CAMAU_GATEWAY_PORT="$CAMAU_BENCH_GATEWAY_PORT"
    # One core, one event loop (PERF-NOTES.md); the heap and GC of ./camau up.
    # shellcheck disable=SC2086 # the options are a list of words
    exec setsid taskset -c 1 "$(camau_java_home)/bin/java" $CAMAU_GATEWAY_JAVA_OPTS \
      -XX:ActiveProcessorCount=1 -Dquarkus.vertx.event-loops-pool-size=1 \
      -jar "$BENCH_TMP/gateway-app/quarkus-run.jar" >"$BENCH_TMP/gateway.log" 2>&1 </dev/null
  ) &
  BENCH_GATEWAY_PID=$!
  BENCH_PIDS+=("$BENCH_GATEWAY_PID")
  bench_wait_http "http://127.0.0.1:$CAMAU_BENCH_GATEWAY_PORT/q/health/ready" "$BENCH_GATEWAY_PID" "$BENCH_TMP/gateway.log"
  BENCH_GATEWAY_READY_SECONDS=$((SECONDS - started))
}

bench_token() { # user → access token (password grant of the development client camau-test)
  curl -s -m 10 -d grant_type=password -d client_id=camau-test -d client_secret=camau-test-secret \
    -d username="$1" --data-urlencode password="$CAMAU_DEMO_PASSWORD" \
    "$CAMAU_KEYCLOAK_URL/realms/camau/protocol/openid-connect/token"
}

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

bench_admin() { # METHOD PATH [JSON] → prints the HTTP status, body in $BENCH_TMP/admin.out
  local args=(-s -m 10 -o "$BENCH_TMP/admin.out" -w '%{http_code}' -X "$1"
    -H "Authorization: Bearer $BENCH_TOKEN_ADMIN")
  [ -z "${3:-}" ] || args+=(-H 'Content-Type: application/json' --data-binary "$3")
  curl "${args[@]}" "http://127.0.0.1:$CAMAU_BENCH_GATEWAY_PORT/api/v1/admin/apps$2" || echo 000
}

# Out of the shared catalog again once the run ends (systems are never deleted, only disabled).
bench_disable_app() {
  BENCH_TOKEN_ADMIN="$(bench_token quantri | json_field access_token)"
  bench_admin POST "/$BENCH_APP_ID/disable"
}

# Declares the bench upstream as a system at run time, through the admin API.
bench_declare_app() {
  BENCH_TOKEN_ADMIN="$(bench_token quantri | json_field access_token)"
  [ -n "$BENCH_TOKEN_ADMIN" ] || bench_fail "no token for quantri from Keycloak at $CAMAU_KEYCLOAK_URL (is ./camau up running?)"
  local manifest status
  manifest="$(cat <<EOF
{"id":"$BENCH_APP_ID","names":{"vi":"Máy chủ thử tải (bench)","en":"Benchmark upstream"},
 "sector":"information-communications","ownerAgency":"CM.STTTT","level":"provincial",
 "audience":{"kind":"public"},"kind":"api",
 "upstream":{"baseUrl":"http://127.0.0.1:$CAMAU_BENCH_UPSTREAM_PORT","auth":"none","concurrency":10000},
 "routes":[{"method":"GET","path":"/data"}],"sample":true}
EOF
)"
  status="$(bench_admin POST "" "$manifest")"
  if [ "$status" = 409 ]; then
    bench_admin POST "/$BENCH_APP_ID/enable" >/dev/null
    status="$(bench_admin PUT "/$BENCH_APP_ID" "$manifest")"
  fi
  case "$status" in
    200 | 201 | 204) ;;
    *) bench_fail "the admin API answered $status: $(head -c 600 "$BENCH_TMP/admin.out")" ;;
  esac
  local url="http://127.0.0.1:$CAMAU_BENCH_GATEWAY_PORT/api/v1/apps/$BENCH_APP_ID/api/data" waited=0
  while [ "$(http_status "$url")" != 200 ]; do
    [ "$waited" -lt 30 ] || bench_fail "the declared route $url never answered 200" "$BENCH_TMP/gateway.log"
    sleep 0.5
    waited=$((waited + 1))
  done
  BENCH_GATEWAY_URL="$url"
}

# Distinct real RS256 tokens from Keycloak: a password grant per demo user, then refresh grants
# (cheap: no password hashing), each of which yields a new access token. They live 5 minutes.
bench_mint_tokens() {
  local count="$1" users=(canbo.tinh canbo.huyen canbo.xa quantri.donvi quantri congdan congdan2)
  local refresh=() u body i=0
  for u in "${users[@]}"; do
    body="$(bench_token "$u")"
    echo "$body" | json_field access_token
    refresh+=("$(echo "$body" | json_field refresh_token)")
  done >"$BENCH_TMP/tokens.txt"
  while [ "$(wc -l <"$BENCH_TMP/tokens.txt")" -lt "$count" ] && [ "$i" -lt $((count * 2)) ]; do
    curl -s -m 10 -d grant_type=refresh_token -d client_id=camau-test -d client_secret=camau-test-secret \
      -d refresh_token="${refresh[$((i % ${#refresh[@]}))]}" \
      "$CAMAU_KEYCLOAK_URL/realms/camau/protocol/openid-connect/token" | { cat; echo; } | json_field access_token >>"$BENCH_TMP/tokens.txt"
    i=$((i + 1))
  done
  sed -i '/^$/d' "$BENCH_TMP/tokens.txt"
  BENCH_TOKENS_COUNT="$(sort -u "$BENCH_TMP/tokens.txt" | wc -l)"
  BENCH_TOKENS_AT=$SECONDS
  [ "$BENCH_TOKENS_COUNT" -ge 7 ] || bench_fail "could not mint tokens from Keycloak"
  cat >"$BENCH_TMP/tokens.lua" <<EOF
-- One pre-formatted request per token, rotated; built in init() (wrk.host is known by then).
local requests = {}
local i = 0
init = function(args)
  for line in io.lines("$BENCH_TMP/tokens.txt") do
    requests[#requests + 1] = wrk.format("GET", wrk.path,
      {["Host"] = wrk.host .. ":" .. wrk.port, ["Authorization"] = "Bearer " .. line})
  end
end
request = function()
  i = i % #requests + 1
  return requests[i]
end
EOF
}

bench_url() {
  case "$1" in
    direct) echo "http://127.0.0.1:$CAMAU_BENCH_UPSTREAM_PORT/data" ;;
    nginx) echo "http://127.0.0.1:$CAMAU_BENCH_NGINX_PORT/data" ;;
    gateway | gateway-jwt) echo "$BENCH_GATEWAY_URL" ;;
  esac
}

# The process(es) whose CPU time is the system under test's.
bench_sut_pids() {
  case "$1" in
    direct) echo "$BENCH_UPSTREAM_PID" $(pgrep -P "$BENCH_UPSTREAM_PID" 2>/dev/null) ;;
    nginx) echo "$BENCH_NGINX_PID" $(pgrep -P "$BENCH_NGINX_PID" 2>/dev/null) ;;
    gateway | gateway-jwt) bench_java_pid ;;
  esac
}

bench_java_pid() { # the JVM under the subshell that started it
  local p="$BENCH_GATEWAY_PID" child
  while child="$(pgrep -P "$p" 2>/dev/null | head -n1)" && [ -n "$child" ]; do p="$child"; done
  echo "$p"
}

# Sum of utime+stime (clock ticks) of the given pids.
bench_cpu_ticks() {
  local total=0 pid f
  for pid in "$@"; do
    f="$(cat "/proc/$pid/stat" 2>/dev/null)" || continue
    f="${f##*) }"
    # after "pid (comm) ", field 14 (utime) is the 12th word, 15 (stime) the 13th
    set -- $f
    total=$((total + ${12} + ${13}))
  done
  echo "$total"
}

# "user+nice+system+irq+softirq busy, total" jiffies of cpuN.
bench_core_jiffies() { awk -v c="cpu$1" '$1 == c { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }

bench_busy_pct() { # before-pair after-pair → percent busy
  awk -v b="$1" -v bt="$2" -v a="$3" -v at="$4" 'BEGIN { d = at - bt; printf "%.0f", (d > 0 ? 100 * (a - b) / d : 0) }'
}

bench_record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$BENCH_TMP/raw.tsv"; }

# Saturation: wrk, one thread on CPU0, N connections, D seconds.
bench_saturate() {
  local round="$1" v="$2" secs="$3" args=() out c0 c1 sut pids t0 t1 rps
  [ "$v" = gateway-jwt ] && args=(-s "$BENCH_TMP/tokens.lua")
  pids="$(bench_sut_pids "$v")"
  # shellcheck disable=SC2086
  t0="$(bench_cpu_ticks $pids)"
  c0="$(bench_core_jiffies 0) $(bench_core_jiffies 1)"
  out="$(timeout $((secs + 15)) taskset -c 0 wrk -t1 -c"$CAMAU_BENCH_CONNECTIONS" -d"${secs}s" "${args[@]}" "$(bench_url "$v")" 2>&1)" ||
    bench_fail "wrk failed on $v: $out"
  c1="$(bench_core_jiffies 0) $(bench_core_jiffies 1)"
  # shellcheck disable=SC2086
  t1="$(bench_cpu_ticks $pids)"
  rps="$(echo "$out" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')"
  [ -n "$rps" ] || bench_fail "no rate from wrk on $v: $out"
  local bad
  bad="$(echo "$out" | awk '/Non-2xx or 3xx responses:/ { print $NF } /Socket errors:/ { print }')"
  bench_record "$round" "$v" sat_rps "$rps"
  bench_record "$round" "$v" sat_cpu_us "$(awk -v t=$((t1 - t0)) -v r="$rps" -v s="$secs" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz * 1e6 / (r * s) }')"
  set -- $c0 $c1
  local b00=$1 t00=$2 b01=$3 t01=$4 b10=$5 t10=$6 b11=$7 t11=$8
  bench_record "$round" "$v" sat_cpu0_pct "$(bench_busy_pct "$b00" "$t00" "$b10" "$t10")"
  bench_record "$round" "$v" sat_cpu1_pct "$(bench_busy_pct "$b01" "$t01" "$b11" "$t11")"
  bench_step "round $round  $(printf '%-12s' "$v") saturation: $rps req/s${bad:+ (errors: $(echo $bad))}"
}

# Open loop at RATE for D seconds (1 s warm-up not recorded): latency and the SUT's CPU per request.
bench_openloop() {
  local round="$1" v="$2" rate="$3" secs="$4" tag="$5" args=() out pids t0 t1
  [ "$v" = gateway-jwt ] && args=(--tokens "$BENCH_TMP/tokens.txt")
  pids="$(bench_sut_pids "$v")"
  # shellcheck disable=SC2086
  t0="$(bench_cpu_ticks $pids)"
  out="$(timeout $((secs + 20)) taskset -c 0 "$(camau_java_home)/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "$BENCH_TMP/openloop:$BENCH_HDR_JAR" OpenLoop "$(bench_url "$v")" "$rate" "$secs" \
    --warmup 1 --connections "$CAMAU_BENCH_CONNECTIONS" "${args[@]}" 2>&1)" || bench_fail "the open-loop client failed on $v: $out"
  # shellcheck disable=SC2086
  t1="$(bench_cpu_ticks $pids)"
  local line
  line="$(echo "$out" | grep '^rate=')" || bench_fail "no result from the open-loop client on $v: $out"
  local k val ok=0 errors=0 timeouts=0 p50 p99
  for k in $line; do
    val="${k#*=}"
    case "$k" in
      ok=*) ok="$val" ;;
      errors=*) errors="$val" ;;
      timeouts=*) timeouts="$val" ;;
      p50_us=*) p50="$val" ;;
      p99_us=*) p99="$val" ;;
    esac
  done
  bench_record "$round" "$v" "${tag}_p50_us" "$p50"
  bench_record "$round" "$v" "${tag}_p99_us" "$p99"
  bench_record "$round" "$v" "${tag}_failed" "$((errors + timeouts))"
  # CPU per request over warm-up + measured part (both sent at the same rate).
  bench_record "$round" "$v" "${tag}_cpu_us" "$(awk -v t=$((t1 - t0)) -v r="$rate" -v s=$((secs + 1)) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz * 1e6 / (r * s) }')"
  bench_step "round $round  $(printf '%-12s' "$v") open loop at $rate req/s: p50 ${p50} µs, p99 ${p99} µs, failed $((errors + timeouts)) of $((ok + errors + timeouts))"
}

bench_median() { # variant metric → median over rounds (empty if none)
  awk -F'\t' -v v="$1" -v m="$2" '$2 == v && $3 == m { print $4 }' "$BENCH_TMP/raw.tsv" | sort -g |
    awk '{ a[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "—"; else printf "%.2f", a / b }'; }
bench_diff() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "") print "—"; else printf "%+.0f", a - b }'; }

bench_label() {
  case "$1" in
    direct) echo "(a) direct to the upstream" ;;
    nginx) echo "(b) nginx reverse proxy" ;;
    gateway) echo "(c) gateway, declared system, no token" ;;
    gateway-jwt) echo "(d) gateway + RS256 bearer ($BENCH_TOKENS_COUNT tokens)" ;;
  esac
}

bench_report() {
  local results="$ROOT/bench/RESULTS.md" v sat from cpu cpus p50 p99 p50c p99c fail valid
  local direct_sat nginx_sat
  direct_sat="$(bench_median direct sat_rps)"
  nginx_sat="$(bench_median nginx sat_rps)"
  [ -f "$results" ] || printf '# Benchmark results\n\nAppended by `./camau bench` (see README.md); newest last.\n' >"$results"
  from=$(($(wc -l <"$results") + 1))
  local cpu_model jdk nginx_v wrk_v commit dirty quarkus_v
  cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
  jdk="$("$(camau_java_home)/bin/java" -version 2>&1 | sed -n 2p)"
  nginx_v="$("$BENCH_NGINX" -v 2>&1 | sed 's/.*nginx\///')"
  wrk_v="$(wrk -v 2>&1 | head -n1 | awk '{ print $2 }' || true)"
  commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  dirty="$([ -n "$(git status --porcelain -- gateway modules 2>/dev/null)" ] && echo ", gateway sources modified" || true)"
  quarkus_v="$(ls "$BENCH_TMP/gateway-app/lib/main" | sed -n 's/^io\.quarkus\.quarkus-core-\(.*\)\.jar$/\1/p')"
  {
    echo
    echo "## $(date -u '+%Y-%m-%d %H:%M UTC') — \`$BENCH_COMMAND\`"
    echo
    echo "- Machine: $cpu_model, $(nproc --all) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), Linux $(uname -r)"
    echo "- JDK: $jdk; gateway commit $commit$dirty (Quarkus $quarkus_v), JVM options: \`$CAMAU_GATEWAY_JAVA_OPTS -XX:ActiveProcessorCount=1 -Dquarkus.vertx.event-loops-pool-size=1\`"
    echo "- nginx $nginx_v (1 worker, upstream keep-alive 64), wrk $wrk_v (1 thread, $CAMAU_BENCH_CONNECTIONS connections); upstream: nginx serving a static 1 KB JSON file"
    echo "- Pinning: wrk, the open-loop client and the upstream on CPU0; the system under test on CPU1"
    echo "- $BENCH_ROUNDS round(s), variants interleaved; ${BENCH_SAT_SECONDS}s per saturation run, ${BENCH_OL_SECONDS}s (+1 s warm-up) per open-loop run; gateway warm-up ${BENCH_WARMUP_SECONDS}s$([ "$BENCH_QUICK" = 1 ] && echo " (quick mode: the JIT is NOT at steady state; indicative only)")"
    echo "- Open loop (latency from the intended send time): at **$BENCH_RATE req/s** (50% of nginx's saturation in round 1) and at **$CAMAU_BENCH_CPU_RATE req/s** (CPU per request); medians over rounds"
    echo "- Gateway: ready $BENCH_GATEWAY_READY_SECONDS s after launch; RSS after the run: ${BENCH_RSS_MIB:-?} MiB"
    echo
    echo "| variant | req/s at saturation | CPU µs/req (saturation) | CPU µs/req at $CAMAU_BENCH_CPU_RATE req/s | p50 / p99 µs at $BENCH_RATE req/s | p50 / p99 µs at $CAMAU_BENCH_CPU_RATE req/s | failed (open loop) | CPU1 busy % (saturation) |"
    echo "|---|---|---|---|---|---|---|---|"
    for v in $BENCH_VARIANTS; do
      sat="$(bench_median "$v" sat_rps)"
      valid=""
      if [ "$v" != direct ] && [ -n "$direct_sat" ] && awk -v d="$direct_sat" -v s="$sat" 'BEGIN { exit !(d < 2 * s) }'; then
        valid=" ⚠ harness-bound"
      fi
      fail="$(awk -F'\t' -v v="$v" '$2 == v && ($3 == "rate_failed" || $3 == "cpu_failed") { n += $4 } END { print n + 0 }' "$BENCH_TMP/raw.tsv")"
      echo "| $(bench_label "$v") | ${sat}${valid} | $(bench_median "$v" sat_cpu_us) | $(bench_median "$v" cpu_cpu_us) | $(bench_median "$v" rate_p50_us || true)$([ -n "$(bench_median "$v" rate_p50_us)" ] && echo " / $(bench_median "$v" rate_p99_us)" || echo "—") | $(bench_median "$v" cpu_p50_us) / $(bench_median "$v" cpu_p99_us) | $fail | $(bench_median "$v" sat_cpu1_pct) |"
    done
    echo
    echo "Ratios (medians):"
    echo
    echo "| | gateway (c) | gateway + token (d) |"
    echo "|---|---|---|"
    echo "| throughput ÷ nginx | $(bench_ratio "$(bench_median gateway sat_rps)" "$nginx_sat") | $(bench_ratio "$(bench_median gateway-jwt sat_rps)" "$nginx_sat") |"
    echo "| CPU µs/req ÷ nginx at $CAMAU_BENCH_CPU_RATE req/s | $(bench_ratio "$(bench_median gateway cpu_cpu_us)" "$(bench_median nginx cpu_cpu_us)") | $(bench_ratio "$(bench_median gateway-jwt cpu_cpu_us)" "$(bench_median nginx cpu_cpu_us)") |"
    echo "| added p50 / p99 vs direct at $BENCH_RATE req/s (µs) | $(bench_diff "$(bench_median gateway rate_p50_us)" "$(bench_median direct rate_p50_us)") / $(bench_diff "$(bench_median gateway rate_p99_us)" "$(bench_median direct rate_p99_us)") | $(bench_diff "$(bench_median gateway-jwt rate_p50_us)" "$(bench_median direct rate_p50_us)") / $(bench_diff "$(bench_median gateway-jwt rate_p99_us)" "$(bench_median direct rate_p99_us)") |"
    echo "| added p50 / p99 vs direct at $CAMAU_BENCH_CPU_RATE req/s (µs) | $(bench_diff "$(bench_median gateway cpu_p50_us)" "$(bench_median direct cpu_p50_us)") / $(bench_diff "$(bench_median gateway cpu_p99_us)" "$(bench_median direct cpu_p99_us)") | $(bench_diff "$(bench_median gateway-jwt cpu_p50_us)" "$(bench_median direct cpu_p50_us)") / $(bench_diff "$(bench_median gateway-jwt cpu_p99_us)" "$(bench_median direct cpu_p99_us)") |"
    echo
    echo "Token verification (d − c): $(bench_diff "$(bench_median gateway-jwt cpu_cpu_us)" "$(bench_median gateway cpu_cpu_us)") CPU µs/req at $CAMAU_BENCH_CPU_RATE req/s, $(bench_diff "$(bench_median gateway-jwt sat_cpu_us)" "$(bench_median gateway sat_cpu_us)") at saturation; throughput d ÷ c = $(bench_ratio "$(bench_median gateway-jwt sat_rps)" "$(bench_median gateway sat_rps)")."
    echo
    if [ -n "$direct_sat" ] && [ -n "$nginx_sat" ] && awk -v d="$direct_sat" -v s="$nginx_sat" 'BEGIN { exit !(d < 2 * s) }'; then
      echo "**Validity: INVALID for nginx's throughput** — direct ($direct_sat req/s) is less than twice nginx's ($nginx_sat req/s): the harness (CPU0) is the bottleneck, so nginx's rate, and the gateway ÷ nginx ratio, are lower bounds of nginx's real capacity. Rows marked ⚠ are harness-bound."
    else
      echo "Validity: valid (direct $direct_sat req/s ≥ 2 × nginx $nginx_sat req/s)."
    fi
    [ -z "$BENCH_OVER_CAPACITY" ] || echo "Latency at $BENCH_RATE req/s not measured for:$(echo $BENCH_OVER_CAPACITY | tr ' ' '\n' | sort -u | tr '\n' ' ')— that rate is over their saturation (\"—\" in the table)."
    [ -z "${BENCH_NOTES:-}" ] || printf '\n%s\n' "$BENCH_NOTES"
  } >>"$results"
  bench_step "appended to bench/RESULTS.md:"
  tail -n "+$from" "$results"
}

cmd_bench() {
  BENCH_T0=$SECONDS
  BENCH_COMMAND="./camau bench $*"
  BENCH_QUICK=0
  BENCH_ROUNDS=3
  BENCH_SAT_SECONDS=15
  BENCH_OL_SECONDS=15
  BENCH_WARMUP_SECONDS=60
  BENCH_TOKENS_WANTED=300
  while [ $# -gt 0 ]; do
    case "$1" in
      --quick) BENCH_QUICK=1 BENCH_ROUNDS=1 BENCH_SAT_SECONDS=4 BENCH_OL_SECONDS=4 BENCH_WARMUP_SECONDS=10 BENCH_TOKENS_WANTED=100 ;;
      --rounds) BENCH_ROUNDS="$2"; shift ;;
      *) echo "Usage: ./camau bench [--quick] [--rounds N]" >&2; exit 2 ;;
    esac
    shift
  done
  BENCH_TMP="$(mktemp -d /tmp/camau-bench.XXXXXX)"
  chmod 755 "$BENCH_TMP" # nginx's workers run as another user
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM

  bench_step "checking tools (wrk, nginx, taskset), ports and Keycloak"
  bench_need_tools
  bench_port_free "$CAMAU_BENCH_UPSTREAM_PORT" CAMAU_BENCH_UPSTREAM_PORT
  bench_port_free "$CAMAU_BENCH_NGINX_PORT" CAMAU_BENCH_NGINX_PORT
  bench_port_free "$CAMAU_BENCH_GATEWAY_PORT" CAMAU_BENCH_GATEWAY_PORT
  [ "$(http_status "$CAMAU_KEYCLOAK_URL/realms/camau")" = 200 ] ||
    bench_fail "Keycloak's realm camau does not answer at $CAMAU_KEYCLOAK_URL (run ./camau up first)"

  # The 1 KB JSON body every variant returns.
  mkdir -p "$BENCH_TMP/www"
  {
    printf '{"items":['
    local i
    for i in $(seq 1 13); do printf '{"id":%d,"name":"station-%02d","value":12.5},' "$i" "$i"; done
    printf '{"id":14,"name":"station-14","value":12.5}],"note":"'
  } >"$BENCH_TMP/www/data"
  local pad=$((1024 - 2 - $(wc -c <"$BENCH_TMP/www/data")))
  { head -c "$pad" /dev/zero | tr '\0' 'x'; printf '"}'; } >>"$BENCH_TMP/www/data"
  chmod -R a+rX "$BENCH_TMP/www"

  bench_step "compiling the open-loop client (bench/openloop)"
  BENCH_HDR_JAR="$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar"
  if [ ! -f "$BENCH_HDR_JAR" ]; then
    ./mvnw -B -q dependency:get -Dartifact=org.hdrhistogram:HdrHistogram:2.2.2 >"$BENCH_TMP/hdr.log" 2>&1 ||
      bench_fail "could not resolve HdrHistogram 2.2.2" "$BENCH_TMP/hdr.log"
  fi
  "$(camau_java_home)/bin/javac" -d "$BENCH_TMP/openloop" -cp "$BENCH_HDR_JAR" bench/openloop/OpenLoop.java ||
    bench_fail "bench/openloop/OpenLoop.java does not compile"

  bench_step "starting the upstream (nginx, CPU0, :$CAMAU_BENCH_UPSTREAM_PORT) and the nginx proxy (CPU1, :$CAMAU_BENCH_NGINX_PORT)"
  bench_start_nginx
  bench_step "starting a gateway of its own (CPU1, :$CAMAU_BENCH_GATEWAY_PORT, one event loop)"
  bench_start_gateway
  bench_step "gateway ready after ${BENCH_GATEWAY_READY_SECONDS}s; declaring '$BENCH_APP_ID' through /api/v1/admin/apps"
  bench_declare_app
  bench_step "minting $BENCH_TOKENS_WANTED RS256 tokens in Keycloak (demo users; refresh grants)"
  bench_mint_tokens "$BENCH_TOKENS_WANTED"
  # The token variant must really verify: a forged token is refused.
  local forged
  forged="$(head -n1 "$BENCH_TMP/tokens.txt" | sed 's/.\{8\}$/AAAAAAAA/')"
  if [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' -H "Authorization: Bearer $forged" "$BENCH_GATEWAY_URL")" != 401 ]; then
    BENCH_NOTES="Note: a forged token was NOT refused on the bench route: (d) may not measure verification."
  fi
  [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' -H "Authorization: Bearer $(head -n1 "$BENCH_TMP/tokens.txt")" "$BENCH_GATEWAY_URL")" = 200 ] ||
    bench_fail "a valid token is refused on $BENCH_GATEWAY_URL" "$BENCH_TMP/gateway.log"

  bench_step "warming up the gateway for ${BENCH_WARMUP_SECONDS}s (wrk, both variants) and nginx for 2s"
  local half=$((BENCH_WARMUP_SECONDS / 2))
  timeout $((half + 15)) taskset -c 0 wrk -t1 -c"$CAMAU_BENCH_CONNECTIONS" -d"${half}s" "$BENCH_GATEWAY_URL" >/dev/null
  timeout $((half + 15)) taskset -c 0 wrk -t1 -c"$CAMAU_BENCH_CONNECTIONS" -d"${half}s" -s "$BENCH_TMP/tokens.lua" "$BENCH_GATEWAY_URL" >/dev/null
  timeout 20 taskset -c 0 wrk -t1 -c"$CAMAU_BENCH_CONNECTIONS" -d2s "$(bench_url nginx)" >/dev/null

  : >"$BENCH_TMP/raw.tsv"
  local round v order
  BENCH_RATE=""
  BENCH_OVER_CAPACITY=""
  for round in $(seq 1 "$BENCH_ROUNDS"); do
    # Rotate the order each round so no variant always runs first.
    order="$(echo $BENCH_VARIANTS | tr ' ' '\n' | awk -v r="$round" '{ a[NR] = $0 } END { for (i = 0; i < NR; i++) print a[(i + r - 1) % NR + 1] }')"
    if [ $((SECONDS - BENCH_TOKENS_AT)) -gt 180 ]; then
      bench_step "re-minting tokens (they live 5 minutes)"
      bench_mint_tokens "$BENCH_TOKENS_WANTED"
    fi
    for v in $order; do bench_check_budget; bench_saturate "$round" "$v" "$BENCH_SAT_SECONDS"; done
    if [ -z "$BENCH_RATE" ]; then
      BENCH_RATE=$(( $(bench_median nginx sat_rps | cut -d. -f1) / 2 ))
      # The CPU rate is common to every variant and below the slowest one's capacity.
      local slowest
      slowest="$(awk -F'\t' '$3 == "sat_rps" { if (m == "" || $4 < m) m = $4 } END { printf "%d", m / 2 }' "$BENCH_TMP/raw.tsv")"
      [ "$slowest" -ge "$CAMAU_BENCH_CPU_RATE" ] || CAMAU_BENCH_CPU_RATE="$slowest"
      bench_step "open-loop rates: $BENCH_RATE req/s (50% of nginx's saturation), $CAMAU_BENCH_CPU_RATE req/s (CPU per request)"
    fi
    for v in $order; do
      bench_check_budget
      # A variant that saturates below the latency rate would only measure its queue: skipped.
      if awk -v s="$(awk -F'\t' -v r="$round" -v v="$v" '$1 == r && $2 == v && $3 == "sat_rps" { print $4 }' "$BENCH_TMP/raw.tsv")" -v r="$BENCH_RATE" 'BEGIN { exit !(s < 1.1 * r) }'; then
        bench_step "round $round  $(printf '%-12s' "$v") open loop at $BENCH_RATE req/s: skipped (over its capacity)"
        BENCH_OVER_CAPACITY=" $v$BENCH_OVER_CAPACITY"
        continue
      fi
      bench_openloop "$round" "$v" "$BENCH_RATE" "$BENCH_OL_SECONDS" rate
    done
    for v in $order; do bench_check_budget; bench_openloop "$round" "$v" "$CAMAU_BENCH_CPU_RATE" "$BENCH_OL_SECONDS" cpu; done
  done
  BENCH_RSS_MIB="$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$(bench_java_pid)/status" 2>/dev/null || true)"
  bench_report
  bench_step "done in $((SECONDS - BENCH_T0))s; stopping what the bench started"
}
