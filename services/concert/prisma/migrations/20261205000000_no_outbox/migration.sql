-- The catalogue publishes no events: the outbox the first migration created never held a row.
-- Its inbox stays (the reservation events consumer).

-- DropTable
DROP TABLE "outbox_events";
