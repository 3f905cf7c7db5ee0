-- ARGV[8] user id, ARGV[9] a fresh random token, ARGV[10] '0' to only look for the user's live
-- token (a fan without a valid proof). Outcome CREATED, EXISTING or NONE.
local userId, newToken, mayCreate = ARGV[8], ARGV[9], ARGV[10] ~= '0'

local current = redis.call('GET', userKey(userId))
if current then
  local fields = redis.call('HMGET', tokenKey(current), 'status', 'expiresAt')
  local status = fields[1]
  if status == 'ACTIVE' and tonumber(fields[2]) > now then
    return reply('EXISTING', current)
  end
  if status == 'WAITING' then
    local lastSeen = redis.call('ZSCORE', seenKey, current)
    if not isIdle(lastSeen) then
      redis.call('ZADD', seenKey, now, current)
      return reply('EXISTING', current)
    end
  end
  -- The sweep has not reached this lapsed token yet: retire it as the sweep would.
  if status == 'ACTIVE' then
    retire(current, 'EXPIRED')
    expired = expired + 1
    admitWaiting()
  elseif status == 'WAITING' then
    retire(current, 'DROPPED')
    dropped = dropped + 1
  end
end

if not mayCreate then
  return reply('NONE')
end

local seq = redis.call('INCR', sequenceKey)
redis.call('HSET', tokenKey(newToken), 'userId', userId, 'seq', seq, 'issuedAt', now)
redis.call('SET', userKey(userId), newToken)
if redis.call('ZCARD', waitingKey) == 0 and mayAdmit() then
  admit(newToken)
else
  redis.call('HSET', tokenKey(newToken), 'status', 'WAITING')
  redis.call('ZADD', waitingKey, seq, newToken)
  redis.call('ZADD', seenKey, now, newToken)
end
return reply('CREATED', newToken)
