-- CreateEnum
CREATE TYPE "review_status" AS ENUM ('published', 'pending', 'hidden');

-- DropIndex
DROP INDEX "order_items_seller_id_idx";

-- DropIndex
DROP INDEX "reviews_product_id_created_at_idx";

-- AlterTable
ALTER TABLE "reviews" ADD COLUMN     "hidden_at" TIMESTAMPTZ(3),
ADD COLUMN     "hidden_by_id" INTEGER,
ADD COLUMN     "hidden_reason" VARCHAR(500),
ADD COLUMN     "status" "review_status" NOT NULL DEFAULT 'published';

-- CreateIndex
CREATE INDEX "order_items_seller_id_order_id_product_id_quantity_unit_pri_idx" ON "order_items"("seller_id", "order_id", "product_id", "quantity", "unit_price");

-- CreateIndex
CREATE INDEX "reviews_product_id_status_created_at_idx" ON "reviews"("product_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "reviews_status_created_at_idx" ON "reviews"("status", "created_at");

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_hidden_by_id_fkey" FOREIGN KEY ("hidden_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
