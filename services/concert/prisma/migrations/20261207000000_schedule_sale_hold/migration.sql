-- Written by hand in the form prisma migrate diff gives: its WebAssembly engine cannot read
-- this catalogue offline. An operator may hold the sale of a schedule. The change reaches the
-- reservation service as an event, so the outbox that 20261205000000_no_outbox dropped comes
-- back, exactly as libs/platform/sql/outbox-inbox.sql defines it.

-- CreateEnum
CREATE TYPE "SaleState" AS ENUM ('ON_SALE', 'ON_HOLD');

-- AlterTable
ALTER TABLE "schedules" ADD COLUMN     "sale_changed_at" TIMESTAMPTZ(3),
ADD COLUMN     "sale_hold_reason" TEXT,
ADD COLUMN     "sale_state" "SaleState" NOT NULL DEFAULT 'ON_SALE',
ADD COLUMN     "sale_version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMP(3),

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_events_event_id_key" ON "outbox_events"("event_id");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_id_idx" ON "outbox_events"("published_at", "id");
