-- Reads the same fields (ARGV: bucket starts) of several closed-bucket hashes (KEYS) in one round trip:
-- one array per hash, in the order of KEYS, nil where a field is missing. HMGET in chunks of 1,000 fields
-- (Lua's unpack has a limit).
local answers = {}
for i, key in ipairs(KEYS) do
  local values = {}
  for first = 1, #ARGV, 1000 do
    local part = redis.call('HMGET', key, unpack(ARGV, first, math.min(first + 999, #ARGV)))
    for j = 1, #part do
      values[#values + 1] = part[j]
    end
  end
  answers[i] = values
end
return answers
