-- ARGV[8] user id, ARGV[9] token. Outcome FOUND, UNKNOWN or GONE. A poll keeps a waiting token
-- alive; a lapsed token found here is retired at once rather than on the next sweep.

local userId, token = ARGV[8], ARGV[9]

local fields = redis.call('HMGET', tokenKey(token), 'userId', 'status', 'expiresAt')
if fields[1] ~= userId then return reply('UNKNOWN') end
local status = fields[2]

if status == 'ACTIVE' then
  if tonumber(fields[3]) > now then return reply('FOUND', token) end
  retire(token, 'EXPIRED')
  expired = expired + 1
  admitWaiting()
  return reply('GONE')
end

if status == 'WAITING' then
  if not isIdle(redis.call('ZSCORE', seenKey, token)) then
    redis.call('ZADD', seenKey, now, token)
    return reply('FOUND', token)
  end
  retire(token, 'DROPPED')
  dropped = dropped + 1
end
return reply('GONE')
