-- GETs for bench/api/run: cycles through BENCH_PATHS (space-separated paths on wrk's host), sending
-- X-API-Key: BENCH_KEY when set; prints one RESULT line (requests, errors, non-2xx, p50/p99 in ms).
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/", "%S+") do
  paths[#paths + 1] = path
end
local key = os.getenv("BENCH_KEY")
local next_path = 1

function init(args)
  -- each thread starts elsewhere in the list, so two threads do not ask the same path in lockstep
  next_path = math.random(#paths)
  if key and key ~= "" then
    wrk.headers["X-API-Key"] = key
  end
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d duration_us=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
