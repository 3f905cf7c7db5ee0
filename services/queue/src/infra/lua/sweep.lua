-- Sweeps one room (ARGV[2]): retires lapsed active tokens and idle waiters (pre-queue included),
-- then refills the freed slots; at or after opensAt, useRoom has drawn the pre-queue first. ARGV[9]
-- caps the tokens retired per kind in one run, so a mass walk-out cannot block Redis; the next
-- tick takes the rest. A room left without live tokens leaves the SET of rooms to sweep (an entry
-- adds it back in its own atomic step). Replies {admitted, dropped, expired, active, waiting,
-- preQueue, open (1/0), pausedWaiting (the waiting, when the room or every room is paused)}.

local batch = tonumber(ARGV[9])
useRoom(ARGV[2])

for _, token in ipairs(redis.call('ZRANGEBYSCORE', activeKey, '-inf', now, 'LIMIT', 0, batch)) do
  retire(token, 'EXPIRED')
  expired = expired + 1
end
local idleBefore = now - waitIdleMs
for _, token in ipairs(redis.call('ZRANGEBYSCORE', seenKey, '-inf', idleBefore, 'LIMIT', 0, batch)) do
  retire(token, 'DROPPED')
  dropped = dropped + 1
end
admitWaiting()

local active, waiting = redis.call('ZCARD', activeKey), redis.call('ZCARD', waitingKey)
local preQueue = redis.call('ZCARD', preQueueKey)
if active + waiting + preQueue == 0 then redis.call('SREM', roomsKey, roomId) end
return {admitted, dropped, expired, active, waiting, preQueue, isOpen() and 1 or 0, paused and waiting or 0}
