-- An operator replaces a room's settings (PUT). KEYS[1] the room's settings hash; ARGV[1] the
-- admin's user id, then field/value pairs where '' removes the field (its default applies again).
-- Fields not named (paused) stay. Only a change that alters a field is stamped with updatedAt
-- (Redis's clock, ms) and updatedBy. Replies {before, after} as HGETALL.

local key, actor = KEYS[1], ARGV[1]
local before = redis.call('HGETALL', key)

local changed = false
for i = 2, #ARGV, 2 do
  local field, value = ARGV[i], ARGV[i + 1]
  local current = redis.call('HGET', key, field)
  if value == '' then
    if current then
      changed = true
      redis.call('HDEL', key, field)
    end
  elseif current ~= value then
    changed = true
    redis.call('HSET', key, field, value)
  end
end
if changed then
  local clock = redis.call('TIME')
  local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
  redis.call('HSET', key, 'updatedAt', now, 'updatedBy', actor)
end

return {before, redis.call('HGETALL', key)}
