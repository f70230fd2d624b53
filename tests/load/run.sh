#!/usr/bin/env bash
# Load benchmark of the API against a running server (issue 8, "Scale"); the figures and how to read them are in
# docs/benchmarks.md ("Load").
#
# For each database (SQLite; PostgreSQL too when ONEONONE_TEST_POSTGRES is set to a connection string of a server where
# it may create and drop a database) it generates a large organisation with backend/OneOnOne.DataGenerator (plus a demo
# 1-on-1 with 300 past meetings), starts the API in Release, warms it up, then loads with wrk:
#   - the baseline: GET /dev/authenticated, the floor of every API call: the token validated and a small answer
#     written, no database (Development mode only; the caller is not looked up);
#   - me: GET /api/me, the same plus looking the caller up, the cost every API call pays;
#   - the pane: GET /api/meetings/{id}/pane of the demo manager's next English 1-on-1 (3 past meetings);
#   - the agenda write: POST /api/meetings/{id}/agenda to the same meeting;
# at 16 and 64 connections, and the pane of a series with 3 vs 300 past meetings at 16 connections. On PostgreSQL it
# also loads two instances of the server (two processes, nothing shared but the database) against one.
# Server CPU per request is the server process's user+system time (/proc/<pid>/stat) over the run, per request.
#
# Installs nothing: needs wrk (Debian: apt-get install -y wrk), curl and jq; psql to drop the PostgreSQL database.
# Knobs: LOAD_DURATION (seconds per run, 10), LOAD_WARMUP (seconds, 20), LOAD_SIZE (full: 10,000 people, 5,000 series,
# 250,000 meetings, 1,000,000 actions; small: a tenth of that), LOAD_PORT (5380).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${LOAD_DURATION:-10}
WARMUP=${LOAD_WARMUP:-20}
SIZE=${LOAD_SIZE:-full}
PORT=${LOAD_PORT:-5380}
MANAGER_EMAIL=sanne.visser@demo.oneonone.test
# DemoData's two series of the demo manager: the English one keeps its 3 past meetings, the Dutch one gets 300.
DEMO_HISTORY=297
ENGLISH_SERIES=6d0a1c52-0000-4000-8000-0000000000a2
DUTCH_SERIES=6d0a1c52-0000-4000-8000-0000000000a1

for tool in wrk curl jq dotnet; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool is missing (wrk: apt-get install -y wrk)." >&2
    exit 1
  fi
done

case "$SIZE" in
  full) SIZE_ARGS=() ;;
  small) SIZE_ARGS=(--people 1000 --series 500 --meetings 25000 --actions 100000) ;;
  *) echo "LOAD_SIZE must be full or small." >&2; exit 1 ;;
esac

WORK=$(mktemp -d /tmp/oneonone-load.XXXXXX)
SERVERS=()
PG_DATABASE=""
cleanup() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$PG_DATABASE" ] && command -v psql >/dev/null; then
    psql "$(pg_conninfo postgres)" -qc "DROP DATABASE IF EXISTS \"$PG_DATABASE\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# ONEONONE_TEST_POSTGRES is an Npgsql connection string; psql wants libpq's keywords.
pg_conninfo() {
  local database=$1 info="" pair key value
  IFS=';' read -ra pairs <<<"$ONEONONE_TEST_POSTGRES"
  for pair in "${pairs[@]}"; do
    key=$(echo "${pair%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')
    value=${pair#*=}
    case "$key" in
      host|server) info+="host=$value " ;;
      port) info+="port=$value " ;;
      username|user|userid|"user id") info+="user=$value " ;;
      password) info+="password=$value " ;;
    esac
  done
  echo "${info}dbname=$database"
}

echo "Building (Release)..." >&2
dotnet build -c Release -m:1 -p:SkipAddInBuild=true -v:q -nologo backend/OneOnOne.DataGenerator >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
API_DLL=backend/OneOnOne.Api/bin/Release/net10.0/OneOnOne.Api.dll
GENERATOR_DLL=backend/OneOnOne.DataGenerator/bin/Release/net10.0/OneOnOne.DataGenerator.dll
CLK_TCK=$(getconf CLK_TCK)

# start_server PROVIDER CONNECTION PORT: runs the built API (its own process, so its CPU time is its own) and waits for it.
start_server() {
  local provider=$1 connection=$2 port=$3
  # One data folder for every instance: it holds the development signing key, and a token must be valid on both.
  mkdir -p "$WORK/data"
  ASPNETCORE_ENVIRONMENT=Development \
  Database__Provider="$provider" \
  ConnectionStrings__OneOnOne="$connection" \
  Authentication__Mode=Development \
  Demo__Seed=true \
  FollowUps__Enabled=false \
  RequestLimits__WritesPerWindow=100000000 \
  App__DataFolder="$WORK/data" \
    dotnet "$API_DLL" --urls "http://127.0.0.1:$port" --contentRoot "$PWD/backend/OneOnOne.Api" >"$WORK/server-$port.log" 2>&1 &
  SERVER_PID=$!
  SERVERS+=("$SERVER_PID")
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      cat "$WORK/server-$port.log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "The server on port $port did not answer /health within 60 s." >&2
  return 1
}

stop_servers() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVERS[@]}"; do wait "$pid" 2>/dev/null || true; done
  SERVERS=()
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# load NAME CONNECTIONS PATH [BODY]: one wrk run against $PORT; appends
# "name connections rps p50 p99 cpu_ms non2xx socket_errors" to $RESULTS.
load() {
  local name=$1 connections=$2 path=$3 body=${4:-} before after line
  before=$(cpu_ticks "$SERVER_PID")
  line=$(LOAD_TOKEN=$TOKEN LOAD_BODY=$body wrk -t2 -c"$connections" -d"${DURATION}s" --latency -s tests/load/request.lua \
    "http://127.0.0.1:$PORT$path" | sed -n 's/^RESULT //p')
  after=$(cpu_ticks "$SERVER_PID")
  echo "$line" | awk -v name="$name" -v c="$connections" -v ticks=$((after - before)) -v hz="$CLK_TCK" '{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%s %s %.0f %.2f %.2f %.3f %d %d\n", name, c, v["requests"] / v["seconds"], v["p50_ms"], v["p99_ms"],
      ticks * 1000 / hz / v["requests"], v["non2xx"], v["socket_errors"] }' >>"$RESULTS"
  tail -n1 "$RESULTS" >&2
}

# table PROVIDER: the markdown rows of one provider's runs, each with its ratio to the baseline at the same connections.
table() {
  awk -v provider="$1" '
    $1 == "baseline" { base[$2] = $3 }
    { rows[NR] = $0 }
    END {
      for (i = 1; i <= NR; i++) {
        split(rows[i], f, " ")
        ratio = base[f[2]] > 0 ? sprintf("%.0f%%", 100 * f[3] / base[f[2]]) : "-"
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s / %s |\n", provider, f[1], f[2], f[3], f[4], f[5], f[6], ratio, f[7], f[8]
      }
    }' "$RESULTS"
}

run_provider() {
  local provider=$1 connection=$2 label=$3
  RESULTS="$WORK/results-$label.txt"
  : >"$RESULTS"

  echo "[$label] Generating the organisation ($SIZE) and a demo 1-on-1 with 300 past meetings..." >&2
  dotnet "$GENERATOR_DLL" --provider "$provider" --connection "$connection" --demo-history "$DEMO_HISTORY" "${SIZE_ARGS[@]}" >"$WORK/generate-$label.txt"
  cat "$WORK/generate-$label.txt" >&2

  start_server "$provider" "$connection" "$PORT"
  TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/dev/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$MANAGER_EMAIL\"}" | jq -r .accessToken)
  local upcoming english dutch
  upcoming=$(curl -fs "http://127.0.0.1:$PORT/api/meetings/upcoming" -H "Authorization: Bearer $TOKEN")
  english=$(echo "$upcoming" | jq -r --arg s "$ENGLISH_SERIES" '.[] | select(.seriesId == $s) | .meetingId')
  dutch=$(echo "$upcoming" | jq -r --arg s "$DUTCH_SERIES" '.[] | select(.seriesId == $s) | .meetingId')
  local held_english held_dutch
  held_english=$(curl -fs "http://127.0.0.1:$PORT/api/meetings/$english/pane" -H "Authorization: Bearer $TOKEN" | jq .health.meetingsHeld)
  held_dutch=$(curl -fs "http://127.0.0.1:$PORT/api/meetings/$dutch/pane" -H "Authorization: Bearer $TOKEN" | jq .health.meetingsHeld)
  echo "[$label] panes: English $english (3 past meetings, $held_english held), Dutch $dutch ($((DEMO_HISTORY + 3)) past, $held_dutch held; the rest cancelled)" >&2

  echo "[$label] Warming up for $WARMUP s..." >&2
  local each=$(((WARMUP + 3) / 4))
  for path in "/api/meetings/$english/pane" "/api/meetings/$dutch/pane" /api/me /dev/authenticated; do
    LOAD_TOKEN=$TOKEN wrk -t2 -c16 -d"${each}s" -s tests/load/request.lua "http://127.0.0.1:$PORT$path" >/dev/null
  done

  # Reads first: every agenda write adds an item to the English meeting, which its pane would then show.
  for connections in 16 64; do
    load baseline "$connections" /dev/authenticated
    load me "$connections" /api/me
    load pane "$connections" "/api/meetings/$english/pane"
  done
  load "pane-3-past" 16 "/api/meetings/$english/pane"
  load "pane-$((DEMO_HISTORY + 3))-past" 16 "/api/meetings/$dutch/pane"
  if [ "$label" = PostgreSQL ]; then
    scale_out "$provider" "$connection" "/api/meetings/$english/pane"
  fi

  local body='{"text":"Load test talking point"}'
  LOAD_TOKEN=$TOKEN LOAD_BODY=$body wrk -t2 -c16 -d2s -s tests/load/request.lua "http://127.0.0.1:$PORT/api/meetings/$english/agenda" >/dev/null
  for connections in 16 64; do
    load "agenda-write" "$connections" "/api/meetings/$english/agenda" "$body"
  done
  table "$label" >"$WORK/table-$label.md"
  echo "[$label] server log: $(grep -c 'fail:' "$WORK/server-$PORT.log" || true) failures logged" >&2
  stop_servers
}

# Two instances behind no shared memory (two processes, one database) against one: the same two wrk processes
# (32 connections each, at the same time) aimed both at the first instance, then one at each.
scale_out() {
  local provider=$1 connection=$2 path=$3 second=$((PORT + 1)) first_pid=$SERVER_PID
  start_server "$provider" "$connection" "$second"
  LOAD_TOKEN=$TOKEN wrk -t1 -c16 -d"$(((WARMUP + 2) / 3))s" -s tests/load/request.lua "http://127.0.0.1:$second$path" >/dev/null
  SERVER_PID=$first_pid
  pair one "$PORT" "$PORT" "$path"
  pair two "$PORT" "$second" "$path"
  kill "${SERVERS[-1]}" && wait "${SERVERS[-1]}" 2>/dev/null || true
  unset 'SERVERS[-1]'
  awk '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      rps[$1] += v["requests"] / v["seconds"]; if (v["p99_ms"] > p99[$1]) p99[$1] = v["p99_ms"]
      non2xx[$1] += v["non2xx"]; socket[$1] += v["socket_errors"] }
    END {
      printf "| one instance | %.0f | %.2f | %d / %d |\n", rps["one"], p99["one"], non2xx["one"], socket["one"]
      printf "| two instances | %.0f | %.2f | %d / %d |\n", rps["two"], p99["two"], non2xx["two"], socket["two"]
    }' "$WORK/scale-out.txt" >"$WORK/scale-out.md"
  cat "$WORK/scale-out.md" >&2
}

# pair NAME PORT_A PORT_B PATH: two wrk processes at once; their RESULT lines go to scale-out.txt under NAME.
pair() {
  local name=$1 a=$2 b=$3 path=$4
  LOAD_TOKEN=$TOKEN wrk -t1 -c32 -d"${DURATION}s" -s tests/load/request.lua "http://127.0.0.1:$a$path" >"$WORK/pair-a.txt" &
  local first=$!
  LOAD_TOKEN=$TOKEN wrk -t1 -c32 -d"${DURATION}s" -s tests/load/request.lua "http://127.0.0.1:$b$path" >"$WORK/pair-b.txt"
  wait "$first"
  sed -n "s/^RESULT /$name /p" "$WORK/pair-a.txt" "$WORK/pair-b.txt" >>"$WORK/scale-out.txt"
}

run_provider Sqlite "Data Source=$WORK/load.db" SQLite
if [ -n "${ONEONONE_TEST_POSTGRES:-}" ]; then
  PG_DATABASE="oneonone_load_$$"
  run_provider PostgreSql "$(echo "$ONEONONE_TEST_POSTGRES" | sed -E 's/(^|;)[Dd]atabase=[^;]*//');Database=$PG_DATABASE" PostgreSQL
fi

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); wrk -t2, ${DURATION} s per run after ${WARMUP} s of warm-up."
echo
echo "| database | endpoint | connections | requests/s | p50 ms | p99 ms | server CPU ms/request | vs baseline | non-2xx / socket errors |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
cat "$WORK/table-SQLite.md"
if [ -f "$WORK/table-PostgreSQL.md" ]; then cat "$WORK/table-PostgreSQL.md"; fi
if [ -f "$WORK/scale-out.md" ]; then
  echo
  echo "PostgreSQL, the pane from two wrk processes of 32 connections at once, both at one instance or one at each (p99: the worse of the two):"
  echo
  echo "| servers | requests/s | p99 ms | non-2xx / socket errors |"
  echo "| --- | --- | --- | --- |"
  cat "$WORK/scale-out.md"
fi
