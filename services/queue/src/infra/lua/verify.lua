-- ARGV[8] user id, ARGV[9] token. Outcome ACTIVE, WAITING, UNKNOWN or GONE; changes nothing, so a
-- hold or payment costs one round trip. Lapsed tokens answer GONE even before the sweep.

local userId, token = ARGV[8], ARGV[9]

local fields = redis.call('HMGET', tokenKey(token), 'userId', 'status', 'expiresAt')
if fields[1] ~= userId then return {'UNKNOWN', 0} end

if fields[2] == 'ACTIVE' then
  local expiresAt = tonumber(fields[3])
  if expiresAt > now then return {'ACTIVE', expiresAt} end
elseif fields[2] == 'WAITING' then
  if not isIdle(redis.call('ZSCORE', seenKey, token)) then return {'WAITING', 0} end
end
return {'GONE', 0}
