#!/usr/bin/env bash
# Verify the multi-replica recipe on this machine, loopback only: start 2 dashboard replicas and nginx
# (deploy/nginx.conf, in a temporary prefix, not as a daemon, with Streamlit's frontend compressed ahead by
# deploy/precompress.sh and brotli where nginx has the modules), each counted ready once its script has run
# (the readiness probe), run the load test (tests/e2e/test_load.py) through nginx, check that every browser
# session stayed on one replica and that both replicas served sessions, measure the bytes of every page's first
# view straight from a replica and through nginx (bench/transfer.py: compressed, cache headers, at most 4 MB),
# then stop everything. Extra arguments go to pytest. Exit status: 0 when all of it held.
set -euo pipefail
cd "$(dirname "$0")/.."

NGINX="${NGINX:-/usr/sbin/nginx}"
if [ ! -x "$NGINX" ]; then
  echo "nginx not found at $NGINX: install it (Debian: apt-get install nginx) or set NGINX=/path/to/nginx" >&2
  exit 2
fi
REPLICAS=2
work="$(mktemp -d /tmp/dashboard-deploy.XXXXXX)"
pids=()

stop_all() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  echo "Stopped nginx and the replicas; logs are in $work"
}
trap stop_all EXIT

free_port() { python -c 'from tests.e2e.server import free_port; print(free_port())'; }

wait_healthy() {  # url, what, pid, [check path]
  local check="${4:-/_stcore/health}"
  for _ in $(seq 1 300); do
    if ! kill -0 "$3" 2>/dev/null; then
      echo "$2 exited before answering at $1; its log is in $work" >&2
      return 1
    fi
    if [ "$(curl -fsS --max-time 60 "$1$check" 2>/dev/null)" = "ok" ]; then
      return 0
    fi
    sleep 0.2
  done
  echo "$2 did not answer ok at $1$check within 60 s" >&2
  return 1
}

# Replicas share the cookie secret, so a session that fails over to the other replica keeps a valid XSRF cookie.
secret="$(python -c 'import secrets; print(secrets.token_hex(24))')"
replica_ports=()
for number in $(seq 1 "$REPLICAS"); do
  port="$(free_port)"
  # The host names browsers reach nginx by (here this machine; see README.md "Host names").
  STREAMLIT_SERVER_COOKIE_SECRET="$secret" STREAMLIT_SERVER_ALLOWED_HOSTS="127.0.0.1 localhost" \
    python -m streamlit run app.py --server.headless true \
    --server.address 127.0.0.1 --server.port "$port" --server.fileWatcherType none \
    --server.scriptHealthCheckEnabled true --browser.gatherUsageStats false >"$work/replica-$number.log" 2>&1 &
  pids+=("$!")
  replica_ports+=("$port")
done
# Ready when the script has run once without error (it imports what the pages need and starts warming the
# shared tables, data/warm.py), as a deployment's readiness probe would check before sending visitors.
for number in $(seq 1 "$REPLICAS"); do
  wait_healthy "http://127.0.0.1:${replica_ports[$((number - 1))]}" "replica $number" "${pids[$((number - 1))]}" \
    /_stcore/script-health-check
done

listen_port="$(free_port)"
mkdir -p "$work"/temp/{client_body,proxy,fastcgi,uwsgi,scgi}
chmod -R a+rwx "$work/temp"  # nginx's workers run as another user when started by root
# Brotli where this nginx has the modules (Debian: libnginx-mod-http-brotli-filter, -static), else gzip alone.
BROTLI_MODULES="${BROTLI_MODULES:-/usr/lib/nginx/modules}"
load_brotli="" brotli=""
if [ -f "$BROTLI_MODULES/ngx_http_brotli_filter_module.so" ] && [ -f "$BROTLI_MODULES/ngx_http_brotli_static_module.so" ]; then
  load_brotli="load_module $BROTLI_MODULES/ngx_http_brotli_filter_module.so; "
  load_brotli+="load_module $BROTLI_MODULES/ngx_http_brotli_static_module.so;"
  brotli="include $work/brotli.conf;"
  cp deploy/brotli.conf "$work/brotli.conf"
else
  echo "no brotli modules in $BROTLI_MODULES (Debian: apt-get install libnginx-mod-http-brotli-filter" \
    "libnginx-mod-http-brotli-static): gzip only" >&2
fi
# Streamlit's frontend, compressed ahead, for nginx to send from disk.
bash deploy/precompress.sh "$work/frontend"
chmod a+x "$work"  # nginx's workers (another user when started by root) pass through to read it
sed -e "s|@PREFIX@|$work|g" -e "s|@LISTEN@|127.0.0.1:$listen_port|g" \
    -e "s|@REPLICA_1@|${replica_ports[0]}|g" -e "s|@REPLICA_2@|${replica_ports[1]}|g" \
    -e "s|@LOAD_BROTLI@|$load_brotli|" -e "s|@BROTLI@|$brotli|" -e "s|@STATIC@|$work/frontend|g" \
    deploy/nginx.conf >"$work/nginx.conf"
"$NGINX" -t -q -p "$work" -e "$work/error.log" -c "$work/nginx.conf"
"$NGINX" -p "$work" -e "$work/error.log" -c "$work/nginx.conf" -g "daemon off;" &
pids+=("$!")
base_url="http://127.0.0.1:$listen_port"
wait_healthy "$base_url" "nginx" "${pids[-1]}"
echo "Replicas on ports ${replica_ports[*]}, nginx on $base_url"

status=0
# LOAD_TEST=0 leaves out the load test and the affinity check that reads its sessions (to measure transfers only).
if [ "${LOAD_TEST:-1}" != 0 ]; then
DASHBOARD_BASE_URL="$base_url" LOAD_SECONDS="${LOAD_SECONDS:-40}" python -m pytest -q -s tests/e2e/test_load.py "$@" \
  || status=$?

# What nginx saw: websocket sessions per replica, and whether any browser's requests went to two replicas.
python - "$work/access.log" <<'PY' || status=$?
import collections, re, sys

sessions, replicas_by_route = collections.Counter(), collections.defaultdict(set)
for line in open(sys.argv[1]):
    match = re.search(r'"(\S+) (\S+) [^"]*" (\d{3}) \d+ upstream=(\S+) route=(\S+)', line)
    if not match or match.group(4) == "-":
        continue
    _, path, status, upstream, route = match.groups()
    replicas_by_route[route].add(upstream)
    if path.startswith("/_stcore/stream") and status == "101":
        sessions[upstream] += 1
split = [route for route, upstreams in replicas_by_route.items() if len(upstreams) > 1]
print(f"nginx: {sum(sessions.values())} websocket sessions by replica: {dict(sessions)}; "
      f"{len(replicas_by_route)} routes, {len(split)} of them split across replicas")
if split or len(sessions) < 2:
    sys.exit("affinity or balancing failed: a browser's requests reached two replicas, or one replica got none")
PY
fi
# The probe runs the whole script per request: nginx must not offer it to the public.
probe_status="$(curl -s -o /dev/null -w '%{http_code}' "$base_url/_stcore/script-health-check")"
if [ "$probe_status" != "404" ]; then
  echo "nginx passed the script health check on (HTTP $probe_status); it should answer 404" >&2
  status=1
fi

# What a first visit costs, page by page, straight from a replica and through nginx.
python -m bench.transfer --direct "http://127.0.0.1:${replica_ports[0]}" --proxied "$base_url" \
  --views "${TRANSFER_VIEWS:-1}" || status=$?

if [ "$status" -eq 0 ]; then echo "deploy verification: OK"; else echo "deploy verification: FAILED"; fi
exit "$status"
