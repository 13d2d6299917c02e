-- Trigram operators for typo-tolerant search (gin_trgm_ops, similarity). Shipped with PostgreSQL contrib and the embedded-postgres package
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "product_search" (
    "product_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "document" tsvector NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "product_search_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "category_search" (
    "category_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "document" tsvector NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "category_search_pkey" PRIMARY KEY ("category_id")
);

-- CreateTable
CREATE TABLE "search_terms" (
    "word" TEXT NOT NULL,

    CONSTRAINT "search_terms_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "product_search_document_idx" ON "product_search" USING GIN ("document");

-- CreateIndex
CREATE INDEX "category_search_document_idx" ON "category_search" USING GIN ("document");

-- CreateIndex
CREATE INDEX "search_terms_word_idx" ON "search_terms" USING GIN ("word" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "product_search" ADD CONSTRAINT "product_search_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "category_search" ADD CONSTRAINT "category_search_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE CASCADE ON UPDATE CASCADE;
