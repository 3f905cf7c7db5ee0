-- An operator's change to the waiting room's live controls, on its own (it admits nobody: the
-- next admission of any replica reads it). KEYS[1] the settings hash; ARGV[1] the admin's user
-- id, then field/value pairs. Only a change that alters a field is stamped with updatedAt (Redis's
-- clock, ms) and updatedBy, so pausing twice is one change. Replies {before, after} as HGETALL.

local key, actor = KEYS[1], ARGV[1]
local before = redis.call('HGETALL', key)

local changed = false
for i = 2, #ARGV, 2 do
  if redis.call('HGET', key, ARGV[i]) ~= ARGV[i + 1] then changed = true end
end
if changed then
  local clock = redis.call('TIME')
  local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
  redis.call('HSET', key, 'updatedAt', now, 'updatedBy', actor, unpack(ARGV, 2))
end

return {before, redis.call('HGETALL', key)}
