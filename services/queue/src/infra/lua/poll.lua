-- ARGV[9] user id, ARGV[10] token. Outcome FOUND, UNKNOWN or GONE. A poll keeps a waiting or
-- pre-queue token alive; a lapsed token found here is retired at once rather than on the next sweep.

local userId, token = ARGV[9], ARGV[10]
local scheduleId = roomOfToken(userId, token)
if not scheduleId then return reply('UNKNOWN') end
useRoom(scheduleId)

local fields = redis.call('HMGET', tokenKey(token), 'status', 'expiresAt')
local status = fields[1]

if status == 'ACTIVE' then
  if tonumber(fields[2]) > now then return reply('FOUND', token) end
  retire(token, 'EXPIRED')
  expired = expired + 1
  admitWaiting()
  return reply('GONE')
end

if status == 'WAITING' or status == 'PRE_QUEUE' then
  if not isIdle(redis.call('ZSCORE', seenKey, token)) then
    redis.call('ZADD', seenKey, now, token)
    return reply('FOUND', token)
  end
  retire(token, 'DROPPED')
  dropped = dropped + 1
end
return reply('GONE')
