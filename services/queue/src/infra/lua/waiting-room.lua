-- Shared head of every queue script. Each script runs atomically inside Redis, so reading the
-- counts and admitting happen as one step: the active set never exceeds the limit and the line is
-- served strictly by arrival, however many requests race.
--
-- KEYS: waiting (ZSET token → arrival sequence), active (ZSET token → expiry ms),
--       waiting-seen (ZSET token → last poll ms), admissions (ZSET token → ms admitted from the
--       line, for the wait estimate), sequence (INCR counter of arrivals), settings (HASH the
--       operators' live controls: activeLimit, admissionRatePerMinute (0: none), paused),
--       admitted (ZSET token → ms of every admission, for the rate limit).
-- ARGV: key prefix, active limit, active TTL ms, wait idle ms, spent token seconds,
--       admission window ms, admissions per minute (0: none), then the script's own arguments
--       from ARGV[8]. The limit and the rate in ARGV are the defaults (configuration); the
--       settings hash overrides them, so an operator's change reaches every replica at its next script.
-- Per-token keys (`token:<t>` HASH {userId, seq, status, issuedAt, admittedAt, expiresAt} and
-- `user:<id>` → token) are derived from the prefix because the scripts reach tokens they pop.
--
-- Time is Redis's own clock (TIME), so every service instance agrees on it.

local waitingKey, activeKey, seenKey, admissionsKey, sequenceKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local settingsKey, admittedKey = KEYS[6], KEYS[7]
local prefix = ARGV[1]
local activeTtlMs = tonumber(ARGV[3])
local waitIdleMs = tonumber(ARGV[4])
local spentTokenSeconds = tonumber(ARGV[5])
local admissionWindowMs = tonumber(ARGV[6])
local settings = redis.call('HMGET', settingsKey, 'activeLimit', 'admissionRatePerMinute', 'paused')
local activeLimit = tonumber(settings[1] or ARGV[2])
local admissionsPerMinute = tonumber(settings[2] or ARGV[7])
local paused = settings[3] == '1'
local rateWindowMs = 60000
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local admitted, dropped, expired = 0, 0, 0

local function tokenKey(token) return prefix .. 'token:' .. token end
local function userKey(userId) return prefix .. 'user:' .. userId end

local function isIdle(lastSeen)
  return lastSeen == false or lastSeen == nil or tonumber(lastSeen) + waitIdleMs <= now
end

-- Takes a token out of the line and the active set. With an end status the hash stays for a while,
-- so polls and verifies answer 410 rather than 404; without one (the user left) it goes at once.
local function retire(token, endStatus)
  local key = tokenKey(token)
  local userId = redis.call('HGET', key, 'userId')
  redis.call('ZREM', activeKey, token)
  redis.call('ZREM', waitingKey, token)
  redis.call('ZREM', seenKey, token)
  if userId and redis.call('GET', userKey(userId)) == token then
    redis.call('DEL', userKey(userId))
  end
  if endStatus and userId then
    redis.call('HSET', key, 'status', endStatus, 'endedAt', now)
    redis.call('EXPIRE', key, spentTokenSeconds)
  else
    redis.call('DEL', key)
  end
end

-- Whether one more fan may become ACTIVE now: not paused, a slot free under the limit (a lowered
-- limit evicts nobody, it only stops admissions until the active set shrinks below it), and fewer
-- than the rate's admissions in the rolling minute.
local function mayAdmit()
  if paused then return false end
  if redis.call('ZCARD', activeKey) >= activeLimit then return false end
  if admissionsPerMinute == 0 then return true end
  -- A count, not a trim: admit() trims the window at every admission already.
  return redis.call('ZCOUNT', admittedKey, '(' .. (now - rateWindowMs), '+inf') < admissionsPerMinute
end

local function admit(token)
  local expiresAt = now + activeTtlMs
  redis.call('HSET', tokenKey(token), 'status', 'ACTIVE', 'admittedAt', now, 'expiresAt', expiresAt)
  redis.call('ZADD', activeKey, expiresAt, token)
  -- Recorded with or without a rate, so a rate set mid-sale counts the minute before it too.
  redis.call('ZREMRANGEBYSCORE', admittedKey, '-inf', now - rateWindowMs)
  redis.call('ZADD', admittedKey, now, token)
  admitted = admitted + 1
end

-- Admits from the head of the line while mayAdmit. A waiter who stopped polling is dropped, not admitted.
local function admitWaiting()
  while mayAdmit() do
    local head = redis.call('ZPOPMIN', waitingKey)
    if #head == 0 then break end
    local token = head[1]
    local lastSeen = redis.call('ZSCORE', seenKey, token)
    redis.call('ZREM', seenKey, token)
    if isIdle(lastSeen) then
      retire(token, 'DROPPED')
      dropped = dropped + 1
    else
      admit(token)
      redis.call('ZADD', admissionsKey, now, token)
    end
  end
  redis.call('ZREMRANGEBYSCORE', admissionsKey, '-inf', now - admissionWindowMs)
end

-- The reply of every script but the sweep:
-- {outcome, token, status, position, expiresAtMs, recentAdmissions, admitted, dropped, expired,
--  activeLimit (the one in force, for the wait estimate)}.
local function reply(outcome, token)
  local status, position, expiresAt = '', 0, 0
  if token then
    local fields = redis.call('HMGET', tokenKey(token), 'status', 'expiresAt')
    status = fields[1]
    if status == 'WAITING' then
      position = redis.call('ZRANK', waitingKey, token) + 1
      expiresAt = tonumber(redis.call('ZSCORE', seenKey, token)) + waitIdleMs
    else
      expiresAt = tonumber(fields[2])
    end
  end
  local recent = redis.call('ZCOUNT', admissionsKey, now - admissionWindowMs, '+inf')
  return {outcome, token or '', status, position, expiresAt, recent, admitted, dropped, expired, activeLimit}
end
