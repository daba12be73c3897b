-- wrk script: each request posts a batch of BATCH distinct readings (10 sensors, unique
-- millisecond timestamps), as JSON to iot-ingestion ("service"), or as line protocol to InfluxDB's
-- /write ("influx") or, the very same lines, to iot-ingestion's /write ("line").
-- Bodies are prepared up front so wrk measures the server, not Lua string building.
local mode = os.getenv("BENCH_MODE") or "service"        -- "service", "line" or "influx"
local token = os.getenv("BENCH_TOKEN") or ""
local site = os.getenv("BENCH_SITE") or "bench-plant"
local batch = tonumber(os.getenv("BENCH_BATCH") or "100")
local bodies_per_thread = 400
local thread_counter = 0

function setup(thread)
  thread:set("thread_index", thread_counter)
  thread_counter = thread_counter + 1
end

function init(args)
  bodies = {}
  -- distinct time ranges per thread and body; after bodies_per_thread requests a thread repeats its
  -- points (InfluxDB overwrites them), the same for both targets, so the ratio stays fair
  local base = (tonumber(os.getenv("BENCH_T0")) or 1764000000000) + thread_index * 100000000
  for b = 1, bodies_per_thread do
    local parts = {}
    for i = 0, batch - 1 do
      local sensor = i % 10
      local ts = base + b * batch + i
      local value = 10 + (i % 50) / 10
      if mode == "service" then
        parts[#parts + 1] = string.format('{"sensor_id":"s%d","value":%.1f,"timestamp":%d}', sensor, value, ts)
      else
        parts[#parts + 1] = string.format('reading,site_id=%s,sensor_id=s%d,sensor_type=steam_pressure value=%.1f %d',
          site, sensor, value, ts)
      end
    end
    if mode == "service" then
      bodies[b] = '{"readings":[' .. table.concat(parts, ",") .. ']}'
    else
      bodies[b] = table.concat(parts, "\n")
    end
  end
  next_body = 1
  wrk.method = "POST"
  if mode == "service" then
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Authorization"] = "Bearer " .. token
  elseif mode == "line" then
    wrk.headers["Content-Type"] = "text/plain"
    wrk.headers["Authorization"] = "Token " .. token
  else
    wrk.headers["Content-Type"] = "text/plain"
  end
end

-- With BENCH_PACE_MS each connection waits that long between its requests: C connections then offer
-- about C * 1000 / BENCH_PACE_MS requests a second (a fixed load below the maximum, for latency).
local pace = tonumber(os.getenv("BENCH_PACE_MS") or "0")
if pace > 0 then
  function delay()
    return math.random(math.floor(pace / 2), pace + math.floor(pace / 2))
  end
end

function request()
  local body = bodies[next_body]
  next_body = next_body % bodies_per_thread + 1
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d duration_us=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
