-- AlterEnum
ALTER TYPE "order_status" ADD VALUE 'refunded';

-- AlterEnum
ALTER TYPE "payment_status" ADD VALUE 'refunded';

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "payment_intent_id" VARCHAR(255),
ADD COLUMN     "provider_ref" VARCHAR(255),
ADD COLUMN     "refund_ref" VARCHAR(255),
ADD COLUMN     "refunded_at" TIMESTAMPTZ(3),
ADD COLUMN     "review_required" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "stripe_events" (
    "id" VARCHAR(255) NOT NULL,
    "type" VARCHAR(100) NOT NULL,
    "payment_intent_id" VARCHAR(255),
    "event" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMPTZ(3),

    CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stripe_events_payment_intent_id_idx" ON "stripe_events"("payment_intent_id");

-- CreateIndex
CREATE UNIQUE INDEX "payments_payment_intent_id_key" ON "payments"("payment_intent_id");
