-- Retires lapsed active tokens and idle waiters, then refills the freed slots. ARGV[8] caps the
-- tokens retired per kind in one run, so a mass walk-out cannot block Redis; the next tick
-- takes the rest. Replies {admitted, dropped, expired, active, waiting}.

local batch = tonumber(ARGV[8])

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

return {admitted, dropped, expired, redis.call('ZCARD', activeKey), redis.call('ZCARD', waitingKey)}
