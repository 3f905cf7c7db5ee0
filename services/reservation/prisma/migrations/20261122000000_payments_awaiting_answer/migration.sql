-- Hand-written (Prisma cannot express partial indexes): the expiry sweep looks for payments
-- still REQUESTED past PAYMENT_TIMEOUT_SECONDS, oldest first, every few seconds. Only the few
-- payments awaiting the wallet are in this index, however many were ever made.
CREATE INDEX "payments_requested_created_at_idx" ON "payments"("created_at") WHERE "status" = 'REQUESTED';
