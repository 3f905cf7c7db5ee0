-- Hand-written, as prisma migrate diff writes it. A sale the reservation service confirmed, so
-- a payment.cancelled for its reservation is refused rather than refunded. (No semicolons in
-- comments: Prisma splits the script on them.)

-- CreateTable
CREATE TABLE "confirmed_sales" (
    "reservation_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "confirmed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "confirmed_sales_pkey" PRIMARY KEY ("reservation_id")
);
