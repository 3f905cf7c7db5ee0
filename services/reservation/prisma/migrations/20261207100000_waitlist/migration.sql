-- Written by hand in the form prisma migrate diff gives (see 20261207000000_schedule_sale_states).
-- The waiting list of sold-out schedules, and where each reservation came from. No semicolons in
-- these comments: the migration runner splits the script on them.

-- CreateEnum
CREATE TYPE "ReservationOrigin" AS ENUM ('FAN', 'WAITLIST_OFFER');

-- AlterTable
ALTER TABLE "reservations" ADD COLUMN "origin" "ReservationOrigin" NOT NULL DEFAULT 'FAN';

-- CreateTable
CREATE TABLE "waitlist_entries" (
    "id" BIGSERIAL NOT NULL,
    "schedule_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "waitlist_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "waitlist_entries_schedule_id_user_id_key" ON "waitlist_entries"("schedule_id", "user_id");

-- CreateIndex
CREATE INDEX "waitlist_entries_schedule_id_id_idx" ON "waitlist_entries"("schedule_id", "id");

-- CreateIndex
CREATE INDEX "reservations_schedule_id_status_idx" ON "reservations"("schedule_id", "status");
