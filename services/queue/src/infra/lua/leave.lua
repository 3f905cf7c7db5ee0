-- ARGV[8] user id, ARGV[9] token. Outcome LEFT or UNKNOWN. An active leaver's slot goes to the
-- head of the line in the same step.

local userId, token = ARGV[8], ARGV[9]

local fields = redis.call('HMGET', tokenKey(token), 'userId', 'status')
if fields[1] ~= userId then return reply('UNKNOWN') end

if fields[2] == 'ACTIVE' then
  retire(token, nil)
  admitWaiting()
elseif fields[2] == 'WAITING' then
  retire(token, nil)
end
return reply('LEFT')
