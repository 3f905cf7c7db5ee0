-- Hand-written, as prisma migrate diff writes it. Amounts and balances are BIGINT in every
-- database: balance_after copies the wallet's BIGINT balance, and as INTEGER it refused every
-- payment.completed of a wallet past 2,147,483,647 won. Prices and amounts follow, so no money
-- column is narrower than the wallet's. (No semicolons in comments: Prisma splits the script on
-- them.)

-- AlterTable
ALTER TABLE "payments" ALTER COLUMN "amount" SET DATA TYPE BIGINT,
ALTER COLUMN "balance_after" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "reservations" ALTER COLUMN "price" SET DATA TYPE BIGINT;
