-- The transactional outbox (messaging/outbox.ts writes it, messaging/outbox-relay.ts sends and
-- purges it) and the idempotent inbox (messaging/inbox-consumer.ts), as every service database
-- that publishes or consumes events must hold them. A service's Prisma schema declares the same
-- tables (models OutboxEvent and InboxEvent) and its migrations create them;
-- test/outbox-inbox-tables.int.test.ts fails when a service's migrated tables differ from these.
-- A service that only consumes keeps the inbox alone.

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

CREATE UNIQUE INDEX "outbox_events_event_id_key" ON "outbox_events"("event_id");

-- The relay's pass reads the unpublished rows in id order.
CREATE INDEX "outbox_events_published_at_id_idx" ON "outbox_events"("published_at", "id");

CREATE TABLE "inbox_events" (
    "event_id" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "processed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_events_pkey" PRIMARY KEY ("event_id","consumer")
);
