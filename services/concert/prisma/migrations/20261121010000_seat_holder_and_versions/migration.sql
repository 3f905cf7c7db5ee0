-- AlterTable
ALTER TABLE "schedules" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "seats" ADD COLUMN     "held_at" TIMESTAMPTZ(3),
ADD COLUMN     "reservation_id" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: the catalogue's rules, kept by the database too.
-- availableSeats counts the AVAILABLE seats, so it can never leave 0..seat_count.
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_available_seats_range"
  CHECK ("available_seats" BETWEEN 0 AND "seat_count");
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_seat_count_positive" CHECK ("seat_count" >= 1);
ALTER TABLE "seats" ADD CONSTRAINT "seats_number_positive" CHECK ("number" >= 1);
ALTER TABLE "seats" ADD CONSTRAINT "seats_price_positive" CHECK ("price" >= 1);
-- A held or sold seat always names its reservation, an available one never does.
ALTER TABLE "seats" ADD CONSTRAINT "seats_reservation_iff_taken"
  CHECK (("status" = 'AVAILABLE') = ("reservation_id" IS NULL));
ALTER TABLE "seats" ADD CONSTRAINT "seats_held_at_iff_held"
  CHECK (("status" = 'HELD') = ("held_at" IS NOT NULL));
