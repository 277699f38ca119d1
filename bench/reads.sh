#!/usr/bin/env bash
# Reads against their ceiling, in one run: a bare minimal-API endpoint (bench/Warmglow.Bench.Anchor, 50 small records
# as JSON) and Warmglow's GET /api/partnerships?pageSize=50 on ~2,000 generated partnerships, with a bearer token and
# with a personal API key, on SQLite and PostgreSQL. Prints req/s, p99 and the ratio to the anchor next to the targets
# (issue 11: ≥ 0.35 of the bare endpoint, p99 < 20 ms).
#
# Usage: bench/reads.sh [sqlite|postgres|both] [partners=2000] [duration=10s]
# Background jobs are off (--Jobs:Enabled false): the first health recompute after startup otherwise runs during the
# measurement and took SQLite from hundreds of req/s to 26 in a first run.
# Needs wrk (apt-get install -y wrk), curl, jq; PostgreSQL from WARMGLOW_TEST_POSTGRES. Ports 5090-5092, files in /tmp/bench.
set -euo pipefail
which="${1:-both}"
partners="${2:-2000}"
duration="${3:-10s}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work=/tmp/bench/reads
pg="${WARMGLOW_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=warmglow;Password=warmglow;Database=postgres}"
anchor_port=5090
app_port=5091
mkdir -p "$work"

echo "building (Release) ..."
dotnet publish -c Release -o "$work/web" "$root/src/Warmglow.Web" >"$work/publish-web.log" 2>&1 || { tail -20 "$work/publish-web.log"; exit 1; }
dotnet publish -c Release -o "$work/anchor" "$root/bench/Warmglow.Bench.Anchor" >"$work/publish-anchor.log" 2>&1 || { tail -20 "$work/publish-anchor.log"; exit 1; }

pids=()
cleanup() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_for() { # url
    for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done
    echo "timed out waiting for $1" >&2; return 1
}

# wrk's summary → "req/s p99(ms)"
measure() { # url [header]
    local out
    if [ $# -gt 1 ]; then out=$(wrk -t2 -c32 -d"$duration" --latency -H "$2" "$1"); else out=$(wrk -t2 -c32 -d"$duration" --latency "$1"); fi
    echo "$out" >>"$work/wrk.log"
    local rps p99 non2xx
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    if [ -n "$non2xx" ]; then echo "  !! $non2xx non-2xx responses from $1" >&2; fi
    echo "$rps $p99"
}

anchor_pid=""
start_anchor() {
    ASPNETCORE_URLS="http://127.0.0.1:$anchor_port" dotnet "$work/anchor/Warmglow.Bench.Anchor.dll" >"$work/anchor.log" 2>&1 &
    anchor_pid=$!; pids+=("$anchor_pid")
    wait_for "http://127.0.0.1:$anchor_port/records"
}

run_provider() { # sqlite|postgres
    local provider="$1" conn dbname
    if [ "$provider" = sqlite ]; then
        rm -f "$work"/reads.db*
        conn="Data Source=$work/reads.db"
        set -- --Database:Provider Sqlite
    else
        dbname=warmglow_bench_reads
        local admin; admin=$(echo "$pg" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/')
        psql "$admin" -qc "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" -c "CREATE DATABASE $dbname" >/dev/null
        conn=$(echo "$pg" | sed "s/Database=[^;]*/Database=$dbname/")
        set -- --Database:Provider Postgres
    fi
    echo "== $provider: generating $partners partners and starting Warmglow (Release) on :$app_port"
    (cd "$work/web" && exec dotnet Warmglow.Web.dll --urls "http://127.0.0.1:$app_port" "$@" --ConnectionStrings:Warmglow "$conn" \
        --generate "$partners" --Jobs:Enabled false --Logging:LogLevel:Default Warning --Logging:LogLevel:Microsoft.Hosting.Lifetime Information) >"$work/web-$provider.log" 2>&1 &
    local app_pid=$!; pids+=("$app_pid")
    wait_for "http://127.0.0.1:$app_port/healthz"

    # First-run setup through the page (adopts the generated workspace), then a bearer token and an API key.
    local jar="$work/cookies" email="bench@example.test" password="bench-password-1"
    rm -f "$jar"
    local token
    token=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$app_port/Setup" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1)
    curl -fs -o /dev/null -c "$jar" -b "$jar" "http://127.0.0.1:$app_port/Setup" \
        --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.WorkspaceName=Generated" \
        --data-urlencode "Input.DisplayName=Bench Admin" --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password"
    local bearer apikey
    bearer=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" "http://127.0.0.1:$app_port/api/auth/token" | jq -r .accessToken)
    apikey=$(curl -fs -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' -d '{"name":"bench","role":"admin"}' \
        "http://127.0.0.1:$app_port/api/me/api-keys" | jq -r .key)
    local url="http://127.0.0.1:$app_port/api/partnerships?pageSize=50"
    local total; total=$(curl -fs -H "Authorization: Bearer $bearer" "$url" | jq .total)
    echo "   $total partnerships; page of $(curl -fs -H "Authorization: Bearer $bearer" "$url" | wc -c) bytes (anchor: $(curl -fs "http://127.0.0.1:$anchor_port/records" | wc -c) bytes)"
    # warm up both (JIT, EF query cache, connection pools)
    wrk -t2 -c8 -d2s "http://127.0.0.1:$anchor_port/records" >/dev/null
    wrk -t2 -c8 -d2s -H "Authorization: Bearer $bearer" "$url" >/dev/null
    wrk -t2 -c8 -d2s -H "Authorization: Bearer $apikey" "$url" >/dev/null

    read -r a_rps a_p99 < <(measure "http://127.0.0.1:$anchor_port/records")
    read -r b_rps b_p99 < <(measure "$url" "Authorization: Bearer $bearer")
    read -r k_rps k_p99 < <(measure "$url" "Authorization: Bearer $apikey")
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    printf '   %-44s %10s %9s %8s   %s\n' "endpoint ($provider, load $load)" "req/s" "p99 ms" "ratio" "target"
    printf '   %-44s %10.0f %9.2f %8s   %s\n' "anchor: bare minimal API, 50 records" "$a_rps" "$a_p99" "1" "(ceiling)"
    printf '   %-44s %10.0f %9.2f %8.3f   %s\n' "GET /api/partnerships?pageSize=50, bearer" "$b_rps" "$b_p99" "$(echo "$b_rps / $a_rps" | bc -l)" "≥ 0.35, p99 < 20 ms"
    printf '   %-44s %10.0f %9.2f %8.3f   %s\n' "GET /api/partnerships?pageSize=50, API key" "$k_rps" "$k_p99" "$(echo "$k_rps / $a_rps" | bc -l)" "≥ 0.35, p99 < 20 ms"
    kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true
    if [ "$provider" = postgres ]; then psql "$admin" -qc "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" >/dev/null || true; fi
}

: >"$work/wrk.log"
start_anchor
if [ "$which" = sqlite ] || [ "$which" = both ]; then run_provider sqlite; fi
if [ "$which" = postgres ] || [ "$which" = both ]; then run_provider postgres; fi
