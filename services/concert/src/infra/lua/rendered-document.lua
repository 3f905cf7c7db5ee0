-- Keeps the JSON a reader rendered from a complete hash in its `#doc` field, so the next readers
-- get it in one HGET with nothing to parse or serialize. Stored only if no write came in between
-- (the revision the reader saw is still current): a document never shows an older state than the
-- fields it sits beside. Every write that changes a field drops it (newer-fields.lua).
--
-- KEYS[1] the hash. ARGV[1] the `#rev` the document was rendered at, ARGV[2] the document.

if redis.call('HGET', KEYS[1], '#rev') == ARGV[1] then
  redis.call('HSET', KEYS[1], '#doc', ARGV[2])
end
return 0
