-- Written by hand in the form prisma migrate diff gives: its WebAssembly engine cannot read
-- this catalogue offline. The sale state of the schedules an operator held, from the concert
-- service (see the ScheduleSaleState model). No semicolons in these comments: the migration
-- runner splits the script on them.

-- CreateEnum
CREATE TYPE "SaleState" AS ENUM ('ON_SALE', 'ON_HOLD');

-- CreateTable
CREATE TABLE "schedule_sale_states" (
    "schedule_id" UUID NOT NULL,
    "sale_state" "SaleState" NOT NULL,
    "sale_version" INTEGER NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "schedule_sale_states_pkey" PRIMARY KEY ("schedule_id")
);
