-- DropIndex
DROP INDEX "tag_organization_id_name_key";

-- AlterTable
ALTER TABLE "service_record" ADD COLUMN     "search_vector" tsvector;

-- AlterTable (edited: filled from name before it becomes NOT NULL)
ALTER TABLE "tag" ADD COLUMN     "name_key" VARCHAR(50);
UPDATE "tag" SET "name_key" = lower("name");
ALTER TABLE "tag" ALTER COLUMN "name_key" SET NOT NULL;

-- CreateTable
CREATE TABLE "credit_transaction" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "balance_after" DECIMAL(12,2) NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "reason" TEXT,
    "payment_id" BIGINT,
    "call_id" BIGINT,
    "user_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_transaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_token" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "user_id" BIGINT NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_by" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "credit_transaction_organization_id_created_at_id_idx" ON "credit_transaction"("organization_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "credit_transaction_organization_id_kind_created_at_idx" ON "credit_transaction"("organization_id", "kind", "created_at");

-- CreateIndex
CREATE INDEX "credit_transaction_user_id_idx" ON "credit_transaction"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "credit_transaction_payment_id_kind_key" ON "credit_transaction"("payment_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "credit_transaction_call_id_kind_key" ON "credit_transaction"("call_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "password_token_token_hash_key" ON "password_token"("token_hash");

-- CreateIndex
CREATE INDEX "password_token_organization_id_idx" ON "password_token"("organization_id");

-- CreateIndex
CREATE INDEX "password_token_user_id_idx" ON "password_token"("user_id");

-- CreateIndex
CREATE INDEX "password_token_created_by_idx" ON "password_token"("created_by");

-- CreateIndex
CREATE INDEX "service_record_search_vector_idx" ON "service_record" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "tag_organization_id_name_key_key" ON "tag"("organization_id", "name_key");

-- AddForeignKey
ALTER TABLE "credit_transaction" ADD CONSTRAINT "credit_transaction_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_transaction" ADD CONSTRAINT "credit_transaction_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment_history"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_transaction" ADD CONSTRAINT "credit_transaction_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_transaction" ADD CONSTRAINT "credit_transaction_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_token" ADD CONSTRAINT "password_token_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_token" ADD CONSTRAINT "password_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_token" ADD CONSTRAINT "password_token_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: keeps service_record.search_vector filled (customer name, phone, vehicle, service type).
-- The 'simple' configuration: names and models are not English words to stem.
CREATE TRIGGER service_record_search_vector_update
  BEFORE INSERT OR UPDATE OF customer_name, customer_phone, vehicle_info, service_type ON "service_record"
  FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(search_vector, 'pg_catalog.simple', customer_name, customer_phone, vehicle_info, service_type);

UPDATE "service_record" SET customer_name = customer_name;
