#!/usr/bin/env bash
# Cold start from a fresh clone, as a new user would do it (the README's first command):
#   npm install, then npm start until /healthz answers 200 (first start: build + migrate + seed),
#   then a second start (nothing to build). Writes bench/results/cold-start.json.
# Usage: bash bench/cold-start/run.sh [port]   (needs no PostgreSQL or Redis; loopback only)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
port="${1:-3911}"
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
git clone -q "$root" "$work/sanad"
cd "$work/sanad"

now() { date +%s.%N; }
wait_healthy() {
  local deadline=$(( $(date +%s) + 600 ))
  until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited" >&2; tail -30 "$work/start.log" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out" >&2; exit 1; }
    sleep 0.2
  done
}
start_once() {
  local t0; t0=$(now)
  PORT=$port npm start >"$work/start.log" 2>&1 &
  pid=$!
  wait_healthy
  local t1; t1=$(now)
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  awk "BEGIN{printf \"%.1f\", $t1 - $t0}"
}

t0=$(now); npm install --no-audit --no-fund >"$work/install.log" 2>&1; install_s=$(awk "BEGIN{printf \"%.1f\", $(now) - $t0}")
first_s=$(start_once)
second_s=$(start_once)
load=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$root/bench/results"
cat >"$root/bench/results/cold-start.json" <<JSON
{
  "date": "$(date -u +%FT%TZ)",
  "commit": "$(git rev-parse --short HEAD)",
  "machine": "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB",
  "loadavg_at_end": "$load",
  "npm_install_s": $install_s,
  "first_start_to_healthz_s": $first_s,
  "second_start_to_healthz_s": $second_s
}
JSON
cat "$root/bench/results/cold-start.json"
