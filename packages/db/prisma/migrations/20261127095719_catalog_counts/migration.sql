-- DropIndex
DROP INDEX "products_created_at_idx";

-- CreateTable
CREATE TABLE "category_product_counts" (
    "category_id" INTEGER NOT NULL,
    "products" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "category_product_counts_pkey" PRIMARY KEY ("category_id")
);

-- CreateIndex
CREATE INDEX "products_created_at_id_idx" ON "products"("created_at", "id");

-- The counts of the products that exist now.
INSERT INTO "category_product_counts" ("category_id", "products")
SELECT "category_id", count(*) FROM "products" GROUP BY "category_id";

-- Kept by the statement that changes products. The migration runner splits scripts on
-- semicolons, so the PL/pgSQL bodies are E'' strings that write each one as \073.
-- Inserts and deletes, once per statement (a bulk insert is one counter update per category):
-- "changed" holds the statement's new rows, or its deleted ones.
CREATE FUNCTION count_category_products() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO category_product_counts AS c (category_id, products)
  SELECT category_id, count(*) * (CASE WHEN TG_OP = ''DELETE'' THEN -1 ELSE 1 END)
  FROM changed GROUP BY category_id ORDER BY category_id
  ON CONFLICT (category_id) DO UPDATE SET products = c.products + excluded.products\073
  RETURN NULL\073
END';

CREATE TRIGGER products_count_inserted AFTER INSERT ON "products"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_category_products();

CREATE TRIGGER products_count_deleted AFTER DELETE ON "products"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_category_products();

-- A product moved to another category.
CREATE FUNCTION count_moved_product() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO category_product_counts AS c (category_id, products)
  SELECT * FROM (VALUES (OLD.category_id, -1), (NEW.category_id, 1)) v ORDER BY 1
  ON CONFLICT (category_id) DO UPDATE SET products = c.products + excluded.products\073
  RETURN NULL\073
END';

CREATE TRIGGER products_count_moved AFTER UPDATE OF "category_id" ON "products"
FOR EACH ROW WHEN (OLD."category_id" IS DISTINCT FROM NEW."category_id") EXECUTE FUNCTION count_moved_product();
