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

# CPU time (user + system, clock ticks) the process has used so far
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Repeats 5-second rounds until two in a row are within 10% of each other (at most 12 rounds).
warm() { # url header
    local prev=0 rps
    for _ in $(seq 1 12); do
        rps=$(wrk -t2 -c32 -d5s -H "$2" "$1" | awk '/Requests\/sec/ {print $2}')
        if [ "$prev" != 0 ] && [ "$(echo "r = $rps / $prev; r > 0.9 && r < 1.1" | bc -l)" = 1 ]; then return 0; fi
        prev=$rps
    done
}

# wrk's summary → "req/s p99(ms) CPU-µs-per-request" (CPU of the serving process: less sensitive to a busy machine)
measure() { # url header pid
    local out t0 t1
    t0=$(cpu_ticks "$3")
    out=$(wrk -t2 -c32 -d"$duration" --latency -H "$2" "$1")
    t1=$(cpu_ticks "$3")
    echo "$out" >>"$work/wrk.log"
    local rps p99 non2xx n cpu
    n=$(echo "$out" | awk '/requests in/ {print $1}')
    cpu=$(echo "($t1 - $t0) * 1000000 / $(getconf CLK_TCK) / $n" | bc -l)
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    if [ -n "$non2xx" ]; then echo "  !! $non2xx non-2xx responses from $1" >&2; fi
    echo "$rps $p99 $cpu"
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
    # Restart without --generate, as a deployment runs: startup refreshes the planner's statistics over the generated rows.
    kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true
    (cd "$work/web" && exec dotnet Warmglow.Web.dll --urls "http://127.0.0.1:$app_port" "$@" --ConnectionStrings:Warmglow "$conn" \
        --Jobs:Enabled false --Logging:LogLevel:Default Warning --Logging:LogLevel:Microsoft.Hosting.Lifetime Information) >>"$work/web-$provider.log" 2>&1 &
    app_pid=$!; pids+=("$app_pid")
    wait_for "http://127.0.0.1:$app_port/healthz"
    local url="http://127.0.0.1:$app_port/api/partnerships?pageSize=50"
    local total; total=$(curl -fs -H "Authorization: Bearer $bearer" "$url" | jq .total)
    echo "   $total partnerships; page of $(curl -fs -H "Authorization: Bearer $bearer" "$url" | wc -c) bytes (anchor: $(curl -fs "http://127.0.0.1:$anchor_port/records" | wc -c) bytes)"
    # Warm up each until its throughput is steady (tiered JIT and PGO take tens of seconds on 2 busy cores; a 2-second
    # warm-up measured the JIT, not the app: 80 req/s where the same process gives 1,500 a minute later).
    warm "http://127.0.0.1:$anchor_port/records" "X-Bench: anchor"
    warm "$url" "Authorization: Bearer $bearer"
    warm "$url" "Authorization: Bearer $apikey"

    read -r a_rps a_p99 a_cpu < <(measure "http://127.0.0.1:$anchor_port/records" "X-Bench: anchor" "$anchor_pid")
    read -r b_rps b_p99 b_cpu < <(measure "$url" "Authorization: Bearer $bearer" "$app_pid")
    read -r k_rps k_p99 k_cpu < <(measure "$url" "Authorization: Bearer $apikey" "$app_pid")
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    printf '   %-44s %10s %9s %8s %12s %8s   %s\n' "endpoint ($provider, load $load)" "req/s" "p99 ms" "ratio" "CPU µs/req" "ratio" "target"
    printf '   %-44s %10.0f %9.2f %8s %12.0f %8s   %s\n' "anchor: bare minimal API, 50 records" "$a_rps" "$a_p99" "1" "$a_cpu" "1" "(ceiling)"
    printf '   %-44s %10.0f %9.2f %8.3f %12.0f %8.3f   %s\n' "GET /api/partnerships?pageSize=50, bearer" "$b_rps" "$b_p99" "$(echo "$b_rps / $a_rps" | bc -l)" "$b_cpu" "$(echo "$a_cpu / $b_cpu" | bc -l)" "≥ 0.35, p99 < 20 ms"
    printf '   %-44s %10.0f %9.2f %8.3f %12.0f %8.3f   %s\n' "GET /api/partnerships?pageSize=50, API key" "$k_rps" "$k_p99" "$(echo "$k_rps / $a_rps" | bc -l)" "$k_cpu" "$(echo "$a_cpu / $k_cpu" | bc -l)" "≥ 0.35, p99 < 20 ms"
    kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true
    if [ "$provider" = postgres ]; then psql "$admin" -qc "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" >/dev/null || true; fi
}

: >"$work/wrk.log"
start_anchor
if [ "$which" = sqlite ] || [ "$which" = both ]; then run_provider sqlite; fi
if [ "$which" = postgres ] || [ "$which" = both ]; then run_provider postgres; fi
