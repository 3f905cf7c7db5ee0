-- Pages a user's ledger newest first (GET /api/v1/wallet/transactions).
-- CreateIndex
CREATE INDEX "ledger_entries_user_id_created_at_id_idx" ON "ledger_entries"("user_id", "created_at" DESC, "id" DESC);

