-- A room's settings in force and how full it is (ARGV[2] the schedule). Replies {activeLimit,
-- admissionsPerMinute, activeTtlMs, waitIdleMs, opensAtMs, roomPaused (1/0), paused (room or all,
-- 1/0), active, waiting, preQueue, admittedLastMinute, nowMs, challengeDifficulty or '',
-- updatedAtMs or '', updatedBy or ''}.

useRoom(ARGV[2])
local own = redis.call('HMGET', settingsKey, 'paused', 'challengeDifficulty', 'updatedAt', 'updatedBy')
return {activeLimit, admissionsPerMinute, activeTtlMs, waitIdleMs, opensAt,
  own[1] == '1' and 1 or 0, paused and 1 or 0,
  redis.call('ZCARD', activeKey), redis.call('ZCARD', waitingKey), redis.call('ZCARD', preQueueKey),
  redis.call('ZCOUNT', admittedKey, '(' .. (now - rateWindowMs), '+inf'), now,
  own[2] or '', own[3] or '', own[4] or ''}
