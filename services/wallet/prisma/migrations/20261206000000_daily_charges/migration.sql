-- The daily charge cap sums a user's charges since the start of the day: this index lets that sum
-- read only the user's CHARGE entries of the day.
CREATE INDEX "ledger_entries_user_id_kind_created_at_idx" ON "ledger_entries"("user_id", "kind", "created_at");
