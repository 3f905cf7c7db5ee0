-- Writes hash fields stored as "<version>:<value>", each only if the hash holds no newer version of
-- it, so writers racing to the cache (two consumers, a fill and an event) can apply in any order
-- and the newest state still wins.
--
-- A write that changed anything gives the hash a new revision (`#rev`) and drops the rendered
-- document (`#doc`), which was rendered from the fields as they were: see
-- rendered-document.lua. A revision is Redis's clock plus a count of the hash's writes, so it
-- is never repeated, not even by a hash deleted (or expired) and filled again.
--
-- The expiry is set only on a key that has none: later writes never extend it, so however busy a
-- schedule is, its cached map is reloaded from the database within the TTL. That bounds how long
-- an update lost between commit and cache (a crash, a Redis error) can show.
--
-- KEYS[1] the hash. ARGV[1] TTL in seconds, then (field, version, value) triples.

local key = KEYS[1]
local changed = false
for i = 2, #ARGV, 3 do
  local field, version = ARGV[i], tonumber(ARGV[i + 1])
  local current = redis.call('HGET', key, field)
  if not current or tonumber(string.match(current, '^(%d+):')) < version then
    redis.call('HSET', key, field, ARGV[i + 1] .. ':' .. ARGV[i + 2])
    changed = true
  end
end
if changed then
  local clock = redis.call('TIME')
  local writes = redis.call('HINCRBY', key, '#writes', 1)
  redis.call('HSET', key, '#rev', clock[1] .. '.' .. clock[2] .. '.' .. writes)
  redis.call('HDEL', key, '#doc')
end
redis.call('EXPIRE', key, ARGV[1], 'NX')
return 0
