-- ARGV[9] user id, ARGV[10] token. Outcome LEFT or UNKNOWN. An active leaver's slot goes to the
-- head of the room's line in the same step.

local userId, token = ARGV[9], ARGV[10]
local scheduleId = roomOfToken(userId, token)
if not scheduleId then return reply('UNKNOWN') end
useRoom(scheduleId)

local status = redis.call('HGET', tokenKey(token), 'status')
if status == 'ACTIVE' then
  retire(token, nil)
  admitWaiting()
elseif status == 'WAITING' or status == 'PRE_QUEUE' then
  retire(token, nil)
end
return reply('LEFT')
