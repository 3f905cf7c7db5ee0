/**
 * Writes hash fields stored as "<version>:<value>", each only if the hash holds no newer version of
 * it, so writers racing to the cache (two consumers, a fill and an event) can apply in any order
 * and the newest state still wins.
 *
 * The expiry is set only on a key that has none: later writes never extend it, so however busy a
 * schedule is, its cached map is reloaded from the database within the TTL. That bounds how long
 * an update lost between commit and cache (a crash, a Redis error) can show.
 *
 * KEYS[1] the hash. ARGV[1] TTL in seconds, then (field, version, value) triples.
 */
export const writeNewerFieldsScript = `
local key = KEYS[1]
for i = 2, #ARGV, 3 do
  local field, version = ARGV[i], tonumber(ARGV[i + 1])
  local current = redis.call('HGET', key, field)
  if not current or tonumber(string.match(current, '^(%d+):')) < version then
    redis.call('HSET', key, field, ARGV[i + 1] .. ':' .. ARGV[i + 2])
  end
end
redis.call('EXPIRE', key, ARGV[1], 'NX')
return 0
`;

/** The value of a "<version>:<value>" field. */
export function valueOfVersioned(field: string): string {
  return field.slice(field.indexOf(':') + 1);
}
