-- Hand-written, as prisma migrate diff writes it. A refund gives back the debit of a payment the
-- reservation service cancelled. The cancellation itself is remembered per reservation, debited
-- or not. (No semicolons in comments: Prisma splits the script on them.)

-- AlterEnum
ALTER TYPE "LedgerEntryKind" ADD VALUE 'REFUND';

-- CreateTable
CREATE TABLE "payment_cancellations" (
    "reservation_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "cancelled_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_cancellations_pkey" PRIMARY KEY ("reservation_id")
);
