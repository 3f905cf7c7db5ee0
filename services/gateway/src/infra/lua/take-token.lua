-- A token bucket per subject, read and updated in one script so concurrent requests (and gateway
-- replicas) never both spend the last token. Time comes from Redis, so replicas' clocks agree.
-- A gateway may take several tokens at once and spend them itself (leased-rate-limiter.ts): it
-- gets as many as it asks for that the bucket holds, never more, so the bucket stays the bound.
--
-- KEYS[1] the bucket. ARGV[1] tokens per second, ARGV[2] burst, ARGV[3] tokens wanted.
-- Replies {tokens granted, wait ms until one more token when none was granted}.

local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
local granted = math.min(wanted, math.floor(tokens))
local wait = 0
if granted >= 1 then
  tokens = tokens - granted
else
  granted = 0
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return {granted, wait}
