-- wrk script for tests/load/run.sh: every request carries the bearer token; LOAD_BODY makes it a JSON POST.
-- done() prints one machine-readable line the script turns into the table.
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("LOAD_TOKEN"), "LOAD_TOKEN is not set")

local body = os.getenv("LOAD_BODY")
if body ~= nil and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
