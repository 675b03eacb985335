-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "api_key_id" BIGINT;

-- CreateIndex
CREATE INDEX "audit_log_api_key_id_idx" ON "audit_log"("api_key_id");

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_key"("id") ON DELETE SET NULL ON UPDATE CASCADE;
