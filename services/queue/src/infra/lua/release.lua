-- A buyer's payment completed (reservation.confirmed): their active token in that schedule's room
-- is spent and the slot goes to the head of its line. ARGV[2] the schedule, ARGV[9] user id,
-- ARGV[10] event id, ARGV[11] event time ms, ARGV[12] seconds to remember the event id. Outcome
-- FREED, DUPLICATE or NO_ACTIVE_TOKEN.
--
-- The event id is recorded in the same atomic step as the effect, so a redelivery is recognised
-- with no window between the two. Past that memory, the admittedAt guard still keeps a late
-- event from ending a session the user started after that payment.

local userId, eventId, occurredAt, eventMemorySeconds = ARGV[9], ARGV[10], tonumber(ARGV[11]), ARGV[12]
useRoom(ARGV[2])

if not redis.call('SET', prefix .. 'event:' .. eventId, '1', 'NX', 'EX', eventMemorySeconds) then
  return reply('DUPLICATE')
end

local token = redis.call('GET', userKey(userId))
if not token then return reply('NO_ACTIVE_TOKEN') end
local fields = redis.call('HMGET', tokenKey(token), 'status', 'admittedAt')
if fields[1] ~= 'ACTIVE' or tonumber(fields[2]) > occurredAt then
  return reply('NO_ACTIVE_TOKEN')
end

retire(token, 'DONE')
admitWaiting()
return reply('FREED')
