-- ARGV[9] user id, ARGV[10] token. Outcome ACTIVE, WAITING, UNKNOWN or GONE, with the expiry and
-- the token's schedule when ACTIVE; changes nothing but a due pre-queue draw, so a hold costs one
-- round trip. Lapsed tokens answer GONE even before the sweep.

local userId, token = ARGV[9], ARGV[10]
local scheduleId = roomOfToken(userId, token)
if not scheduleId then return {'UNKNOWN', 0, ''} end
useRoom(scheduleId)

local fields = redis.call('HMGET', tokenKey(token), 'status', 'expiresAt')
if fields[1] == 'ACTIVE' then
  local expiresAt = tonumber(fields[2])
  if expiresAt > now then return {'ACTIVE', expiresAt, scheduleId} end
elseif fields[1] == 'WAITING' or fields[1] == 'PRE_QUEUE' then
  if not isIdle(redis.call('ZSCORE', seenKey, token)) then return {'WAITING', 0, scheduleId} end
end
return {'GONE', 0, scheduleId}
