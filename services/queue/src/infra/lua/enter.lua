-- ARGV[9] user id, ARGV[10] a fresh random token, ARGV[11] its pre-queue draw key (a uniform
-- random integer below 2^52, exact as a score), ARGV[12] what to do: '1' make a token, '0' only
-- look for the user's live token (a fan without a valid proof), 'door' make one only if the room
-- asks for no proof of work (its challengeDifficulty, else ARGV[13], is 0), answering
-- PROOF_NEEDED with nothing looked at or changed when it asks for one. Outcome CREATED, EXISTING,
-- NONE or PROOF_NEEDED. A user holds at most one live token per room.
local userId, newToken, drawKey, mode = ARGV[9], ARGV[10], ARGV[11], ARGV[12]
local mayCreate = mode ~= '0'
useRoom(ARGV[2])

if mode == 'door' then
  local difficulty = redis.call('HGET', settingsKey, 'challengeDifficulty') or ARGV[13]
  if tonumber(difficulty) > 0 then return reply('PROOF_NEEDED') end
end

local current = redis.call('GET', userKey(userId))
if current then
  local fields = redis.call('HMGET', tokenKey(current), 'status', 'expiresAt')
  local status = fields[1]
  if status == 'ACTIVE' and tonumber(fields[2]) > now then
    return reply('EXISTING', current)
  end
  if status == 'WAITING' or status == 'PRE_QUEUE' then
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
  elseif status == 'WAITING' or status == 'PRE_QUEUE' then
    retire(current, 'DROPPED')
    dropped = dropped + 1
  end
end

if not mayCreate then
  return reply('NONE')
end

redis.call('HSET', tokenKey(newToken), 'userId', userId, 'scheduleId', roomId, 'issuedAt', now)
redis.call('SET', userKey(userId), newToken)
redis.call('SADD', roomsKey, roomId)
if not isOpen() then
  redis.call('HSET', tokenKey(newToken), 'status', 'PRE_QUEUE')
  redis.call('ZADD', preQueueKey, drawKey, newToken)
  redis.call('ZADD', seenKey, now, newToken)
  return reply('CREATED', newToken)
end
local seq = redis.call('INCR', sequenceKey)
redis.call('HSET', tokenKey(newToken), 'seq', seq)
if redis.call('ZCARD', waitingKey) == 0 and mayAdmit() then
  admit(newToken)
else
  redis.call('HSET', tokenKey(newToken), 'status', 'WAITING')
  redis.call('ZADD', waitingKey, seq, newToken)
  redis.call('ZADD', seenKey, now, newToken)
end
return reply('CREATED', newToken)
