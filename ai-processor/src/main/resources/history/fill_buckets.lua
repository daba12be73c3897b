-- Stores closed history buckets in their hash; the hash's TTL starts when it is created and is never
-- extended, so no bucket is older than the TTL (ARGV[1], milliseconds). ARGV[2..]: field, value pairs.
local created = redis.call('EXISTS', KEYS[1]) == 0
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
if created then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return 0
