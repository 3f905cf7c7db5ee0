-- Shared head of every queue script. Each script runs atomically inside Redis, so reading a room's
-- counts and admitting happen as one step: a room's active set never exceeds its limit, admission
-- is never faster than its rate, and its line is served strictly by arrival, however many
-- requests race.
--
-- One waiting room per schedule. A room's keys start with `<prefix>room:<scheduleId>:`:
--   waiting (ZSET token → arrival sequence), active (ZSET token → expiry ms), waiting-seen (ZSET
--   token → last poll ms, waiting and pre-queue tokens), admissions (ZSET token → ms admitted from
--   the line, for the wait estimate), sequence (INCR counter of arrivals), settings (HASH the
--   room's own settings: opensAt ms, activeLimit, admissionRatePerMinute (0: none),
--   activeTtlSeconds, idleDropSeconds, challengeDifficulty, paused), admitted (ZSET token → ms of
--   every admission, for the rate limit), pre-queue (ZSET token → uniform random draw key),
--   user:<id> → the user's token in this room.
-- KEYS: the global settings hash (the issue-14 controls: defaults of every room, and a pause of
--       them all), the SET of rooms with live tokens (what the sweep visits).
-- ARGV: key prefix, schedule id ('' when the script finds the room from the token), default
--       active limit, default active TTL ms, default wait idle ms, spent token seconds, admission
--       window ms, default admissions per minute (0: none), then the script's own arguments from
--       ARGV[9]. A room's own setting wins over the global one, which wins over the configuration.
-- Room keys and token keys (`token:<t>` HASH {userId, scheduleId, seq, status, issuedAt,
-- admittedAt, expiresAt}) are derived from the prefix because the scripts reach tokens they pop
-- and rooms they find; a hash tag in the prefix keeps them in one Redis Cluster slot.
--
-- Time is Redis's own clock (TIME), so every service instance agrees on it.

local globalSettingsKey, roomsKey = KEYS[1], KEYS[2]
local prefix = ARGV[1]
local spentTokenSeconds = tonumber(ARGV[6])
local admissionWindowMs = tonumber(ARGV[7])
local rateWindowMs = 60000
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local admitted, dropped, expired = 0, 0, 0
local global = redis.call('HMGET', globalSettingsKey, 'activeLimit', 'admissionRatePerMinute', 'paused')

-- The room the script works on, set by useRoom.
local roomId, roomPrefix
local waitingKey, activeKey, seenKey, admissionsKey, sequenceKey, settingsKey, admittedKey, preQueueKey
local activeLimit, admissionsPerMinute, activeTtlMs, waitIdleMs, paused, opensAt

local function tokenKey(token) return prefix .. 'token:' .. token end
local function userKey(userId) return roomPrefix .. 'user:' .. userId end

local function isOpen() return opensAt <= now end

local function isIdle(lastSeen)
  return lastSeen == false or lastSeen == nil or tonumber(lastSeen) + waitIdleMs <= now
end

-- At opensAt the pre-queue joins the line in the order of its random draw keys (independent
-- uniform keys: a uniform shuffle), behind whoever already waited and ahead of every later arrival.
local function drawPreQueue()
  local drawn = redis.call('ZRANGE', preQueueKey, 0, -1)
  if #drawn == 0 then return end
  local first = redis.call('INCRBY', sequenceKey, #drawn) - #drawn
  for i, token in ipairs(drawn) do
    redis.call('HSET', tokenKey(token), 'status', 'WAITING', 'seq', first + i)
    redis.call('ZADD', waitingKey, first + i, token)
  end
  redis.call('DEL', preQueueKey)
end

-- Points the script at a schedule's room and reads the settings in force; the first script of
-- the room at or after opensAt makes the pre-queue's draw, in the same atomic step.
local function useRoom(scheduleId)
  roomId = scheduleId
  roomPrefix = prefix .. 'room:' .. scheduleId .. ':'
  waitingKey, activeKey, seenKey = roomPrefix .. 'waiting', roomPrefix .. 'active', roomPrefix .. 'waiting-seen'
  admissionsKey, sequenceKey, settingsKey = roomPrefix .. 'admissions', roomPrefix .. 'sequence', roomPrefix .. 'settings'
  admittedKey, preQueueKey = roomPrefix .. 'admitted', roomPrefix .. 'pre-queue'
  local own = redis.call('HMGET', settingsKey, 'activeLimit', 'admissionRatePerMinute', 'paused',
    'activeTtlSeconds', 'idleDropSeconds', 'opensAt')
  activeLimit = tonumber(own[1] or global[1] or ARGV[3])
  admissionsPerMinute = tonumber(own[2] or global[2] or ARGV[8])
  paused = own[3] == '1' or global[3] == '1'
  activeTtlMs = own[4] and tonumber(own[4]) * 1000 or tonumber(ARGV[4])
  waitIdleMs = own[5] and tonumber(own[5]) * 1000 or tonumber(ARGV[5])
  opensAt = tonumber(own[6] or '0')
  if isOpen() then drawPreQueue() end
end

-- Takes a token out of the room. With an end status the hash stays for a while, so polls and
-- verifies answer 410 rather than 404; without one (the user left) it goes at once.
local function retire(token, endStatus)
  local key = tokenKey(token)
  local userId = redis.call('HGET', key, 'userId')
  redis.call('ZREM', activeKey, token)
  redis.call('ZREM', waitingKey, token)
  redis.call('ZREM', preQueueKey, token)
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

-- Whether one more fan may become ACTIVE now: the room open and not paused, a slot free under the
-- limit (a lowered limit evicts nobody, it only stops admissions until the active set shrinks
-- below it), and fewer than the rate's admissions in the rolling minute.
local function mayAdmit()
  if paused or not isOpen() then return false end
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
  -- Nothing in it counts a minute after the newest admission: a room that stops admitting (its
  -- sale over) leaves no key behind.
  redis.call('PEXPIRE', admittedKey, rateWindowMs)
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
      redis.call('PEXPIRE', admissionsKey, admissionWindowMs)
    end
  end
  redis.call('ZREMRANGEBYSCORE', admissionsKey, '-inf', now - admissionWindowMs)
end

-- The reply of every script but verify, sweep and stats:
-- {outcome, token, status, position, expiresAtMs, recentAdmissions, admitted, dropped, expired,
--  activeLimit, scheduleId, opensAtMs, waitIdleMs, nowMs, activeTtlMs} (the settings in force,
--  for the wait estimate and the poll pacing).
local function reply(outcome, token)
  local status, position, expiresAt, recent = '', 0, 0, 0
  if token then
    local fields = redis.call('HMGET', tokenKey(token), 'status', 'expiresAt')
    status = fields[1]
    if status == 'WAITING' or status == 'PRE_QUEUE' then
      if status == 'WAITING' then position = redis.call('ZRANK', waitingKey, token) + 1 end
      expiresAt = tonumber(redis.call('ZSCORE', seenKey, token)) + waitIdleMs
    else
      expiresAt = tonumber(fields[2])
    end
  end
  if roomId then recent = redis.call('ZCOUNT', admissionsKey, now - admissionWindowMs, '+inf') end
  return {outcome, token or '', status, position, expiresAt, recent, admitted, dropped, expired,
    activeLimit or 0, roomId or '', opensAt or 0, waitIdleMs or 0, now, activeTtlMs or 0}
end

-- The room of a user's token, or nil when it is not theirs (never reveal which).
local function roomOfToken(userId, token)
  local fields = redis.call('HMGET', tokenKey(token), 'userId', 'scheduleId')
  if fields[1] ~= userId or not fields[2] then return nil end
  return fields[2]
end
