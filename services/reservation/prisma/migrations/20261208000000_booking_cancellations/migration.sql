-- A fan's cancellations of confirmed bookings (one per reservation, its Idempotency-Key unique per
-- fan), and the index that pages a fan's reservations newest first: it also serves every lookup
-- by user_id that reservations_user_id_idx served.
-- DropIndex
DROP INDEX "reservations_user_id_idx";

-- CreateTable
CREATE TABLE "booking_cancellations" (
    "reservation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "booking_cancellations_pkey" PRIMARY KEY ("reservation_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "booking_cancellations_user_id_idempotency_key_key" ON "booking_cancellations"("user_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "reservations_user_id_created_at_id_idx" ON "reservations"("user_id", "created_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "booking_cancellations" ADD CONSTRAINT "booking_cancellations_reservation_id_fkey" FOREIGN KEY ("reservation_id") REFERENCES "reservations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

