-- Hand-written (Prisma cannot express CHECK constraints): no balance passes WON_CEILING
-- (libs/contracts/src/won.ts, 10^15 won), whatever the code above it does, so every balance stays
-- exact as a JSON number. Charges stop at the lower MAX_BALANCE_WON the wallet is configured
-- with. A refund may take a balance past that maximum, never past this.
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_balance_within_ceiling" CHECK ("balance" <= 1000000000000000);
