-- CreateTable
CREATE TABLE "events" (
    "key" SERIAL NOT NULL,
    "id" INTEGER,
    "type" VARCHAR(40) NOT NULL,
    "order_id" INTEGER,
    "product_id" INTEGER,
    "user_id" INTEGER,
    "status" VARCHAR(20),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" SERIAL NOT NULL,
    "url" VARCHAR(2000) NOT NULL,
    "events" TEXT[],
    "description" VARCHAR(500) NOT NULL DEFAULT '',
    "secret_ciphertext" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" SERIAL NOT NULL,
    "webhook_id" INTEGER NOT NULL,
    "event_key" INTEGER NOT NULL,
    "event_type" VARCHAR(40) NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status_code" INTEGER,
    "error" TEXT,
    "delivered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "next_attempt_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "events_id_key" ON "events"("id");

-- CreateIndex
CREATE INDEX "events_user_id_id_idx" ON "events"("user_id", "id");

-- CreateIndex
CREATE INDEX "events_order_id_idx" ON "events"("order_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_webhook_id_id_idx" ON "webhook_deliveries"("webhook_id", "id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_event_key_idx" ON "webhook_deliveries"("event_key");

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Public event ids are given at commit, not at insert: a deferred trigger takes one lock, draws
-- the next id and holds the lock until the commit has ended. So ids become visible in increasing
-- order, and a node that has read every event up to id N never finds a smaller one later (with ids
-- drawn at insert, a transaction that drew 10 could commit after one that drew 11). The lock is
-- the last thing a transaction takes, so it cannot deadlock with row locks: it serialises only
-- the commits of event-writing transactions. Every node LISTENs on shop_events.
-- (The migration runner splits scripts on semicolons: the body writes each one as \073.)
CREATE SEQUENCE "events_public_id_seq" AS integer;

CREATE FUNCTION "events_assign_id"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_advisory_xact_lock(724201)\073
  UPDATE events SET id = nextval(''events_public_id_seq'') WHERE key = NEW.key\073
  PERFORM pg_notify(''shop_events'', '''')\073
  RETURN NULL\073
END';

CREATE CONSTRAINT TRIGGER "events_assign_id" AFTER INSERT ON "events"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "events_assign_id"();
