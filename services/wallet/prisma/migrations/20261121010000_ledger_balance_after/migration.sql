-- Hand-written: the balance each ledger entry left, so a replayed charge answers with the balance
-- of its first attempt. No rows exist before this migration, so NOT NULL needs no default.
ALTER TABLE "ledger_entries" ADD COLUMN "balance_after" BIGINT NOT NULL;
