-- Deletes the seat's claim only while it is still this reservation's: a claim that lapsed and was
-- taken by another hold is left alone. KEYS[1] the claim, ARGV[1] the reservation id.

if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
else
  return 0
end
