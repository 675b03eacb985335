-- AlterTable
ALTER TABLE "kpi" ADD COLUMN     "filter" JSONB,
ADD COLUMN     "higher_is_better" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "metric" VARCHAR(40) NOT NULL DEFAULT 'manual',
ADD COLUMN     "unit" VARCHAR(20);

-- CreateTable
CREATE TABLE "kpi_value" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "kpi_id" BIGINT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "value" DECIMAL(12,2) NOT NULL,
    "created_by" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kpi_value_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "kpi_value_organization_id_kpi_id_period_start_idx" ON "kpi_value"("organization_id", "kpi_id", "period_start");

-- CreateIndex
CREATE INDEX "kpi_value_created_by_idx" ON "kpi_value"("created_by");

-- CreateIndex
CREATE UNIQUE INDEX "kpi_value_kpi_id_period_start_period_end_key" ON "kpi_value"("kpi_id", "period_start", "period_end");

-- AddForeignKey
ALTER TABLE "kpi_value" ADD CONSTRAINT "kpi_value_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi_value" ADD CONSTRAINT "kpi_value_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi_value" ADD CONSTRAINT "kpi_value_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the Core KPIs measure the product metric of their name.
UPDATE "kpi" SET metric = name,
  unit = CASE name WHEN 'avg_duration' THEN 's' WHEN 'avg_rating' THEN '/5' WHEN 'calls_per_day' THEN 'calls' WHEN 'cost_per_booking' THEN '$' ELSE '%' END,
  higher_is_better = (name <> 'cost_per_booking')
 WHERE type = 'Core' AND name IN ('connect_rate', 'booking_rate', 'show_rate', 'avg_duration', 'avg_rating', 'calls_per_day', 'cost_per_booking');
UPDATE "kpi" SET unit = '%' WHERE type = 'Custom' AND unit IS NULL AND description LIKE '%(\%)%';
