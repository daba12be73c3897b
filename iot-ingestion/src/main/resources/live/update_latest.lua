-- Refreshes a site's latest values and dashboard snapshot in one atomic step.
-- KEYS[1]     iot_ingestion:dashboard:{site_id}
-- KEYS[2..n]  iot_ingestion:latest:{site_id}:{sensor_type}, one per sensor type of the site
-- ARGV[1] latest TTL (s), ARGV[2] dashboard TTL (s), ARGV[3] site_id,
-- then triples: index into KEYS, sensor_id, JSON {value, unit, ts, ts_ms, sensor_type}.
-- A value replaces the stored one only if it is not older (late or replayed readings never win).
local touched = {}
for i = 4, #ARGV, 3 do
  local key = KEYS[tonumber(ARGV[i])]
  local sensor = ARGV[i + 1]
  local json = ARGV[i + 2]
  local current = redis.call('HGET', key, sensor)
  if (not current) or (cjson.decode(current).ts_ms <= cjson.decode(json).ts_ms) then
    redis.call('HSET', key, sensor, json)
  end
  touched[key] = true
end
for key, _ in pairs(touched) do
  redis.call('EXPIRE', key, ARGV[1])
end
local parts = {}
for k = 2, #KEYS do
  local all = redis.call('HGETALL', KEYS[k])
  for j = 1, #all, 2 do
    parts[#parts + 1] = '"' .. all[j] .. '":' .. all[j + 1]
  end
end
redis.call('SET', KEYS[1], '{"site_id":"' .. ARGV[3] .. '","readings":{' .. table.concat(parts, ',') .. '}}',
  'EX', ARGV[2])
return #parts
