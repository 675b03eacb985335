-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('SuperAdmin', 'Admin', 'Manager');

-- CreateEnum
CREATE TYPE "transcript_role" AS ENUM ('User', 'Assistant', 'Tool');

-- CreateEnum
CREATE TYPE "kpi_type" AS ENUM ('Core', 'Custom');

-- CreateTable
CREATE TABLE "plan" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "price" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "description" TEXT,
    "credit_limit" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "rate_per_minute" DECIMAL(12,4) NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(255) NOT NULL,
    "email" VARCHAR(255) NOT NULL,
    "phone_sales" VARCHAR(20),
    "phone_support" VARCHAR(20),
    "phone_service" VARCHAR(20),
    "description" TEXT,
    "location" TEXT,
    "call_concurrency_limit" INTEGER NOT NULL DEFAULT 1,
    "service_types" VARCHAR(255)[] DEFAULT ARRAY[]::VARCHAR(255)[],
    "focus_areas" VARCHAR(255)[] DEFAULT ARRAY[]::VARCHAR(255)[],
    "hipaa_compliant" BOOLEAN NOT NULL DEFAULT false,
    "pci_compliant" BOOLEAN NOT NULL DEFAULT false,
    "plan_id" INTEGER,
    "credit_balance" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" BIGSERIAL NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "email" VARCHAR(150) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "user_role" NOT NULL DEFAULT 'Manager',
    "organization_id" UUID NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agent" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "description" TEXT,
    "voice" VARCHAR(50),
    "language" VARCHAR(20) NOT NULL DEFAULT 'en-US',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign" (
    "id" BIGSERIAL NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "description" TEXT,
    "organization_id" UUID NOT NULL,
    "status" VARCHAR(20) NOT NULL DEFAULT 'Draft',
    "type" VARCHAR(30) NOT NULL DEFAULT 'service_reminder',
    "created_by" BIGINT,
    "modified_by" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_record" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "campaign_id" BIGINT,
    "customer_name" VARCHAR(100),
    "customer_phone" VARCHAR(20),
    "vehicle_info" VARCHAR(100),
    "service_type" VARCHAR(50),
    "status" VARCHAR(20) NOT NULL DEFAULT 'Scheduled',
    "appointment_date" TIMESTAMPTZ(3),
    "feedback" TEXT,
    "rating" SMALLINT,
    "do_not_call" BOOLEAN NOT NULL DEFAULT false,
    "created_by" BIGINT,
    "modified_by" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "service_record_id" BIGINT,
    "campaign_id" BIGINT,
    "agent_id" BIGINT,
    "customer_number" VARCHAR(20),
    "direction" VARCHAR(10) NOT NULL DEFAULT 'outbound',
    "start_time" TIMESTAMPTZ(3),
    "end_time" TIMESTAMPTZ(3),
    "duration_sec" INTEGER,
    "status" VARCHAR(20) NOT NULL DEFAULT 'queued',
    "recording_url" TEXT,
    "external_id" VARCHAR(100),
    "outcome" VARCHAR(20),
    "reviewed_at" TIMESTAMPTZ(3),
    "reviewed_by" BIGINT,
    "review_notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transcript" (
    "id" BIGSERIAL NOT NULL,
    "call_id" BIGINT NOT NULL,
    "organization_id" UUID NOT NULL,
    "role" "transcript_role" NOT NULL,
    "content" TEXT,
    "timestamp" TIMESTAMPTZ(3),
    "search_vector" tsvector,

    CONSTRAINT "transcript_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audio_file" (
    "id" BIGSERIAL NOT NULL,
    "call_id" BIGINT NOT NULL,
    "organization_id" UUID NOT NULL,
    "file_path" TEXT,
    "file_format" VARCHAR(10),
    "duration_sec" INTEGER,
    "file_size_bytes" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audio_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "type" "kpi_type" NOT NULL DEFAULT 'Custom',
    "description" TEXT,
    "target_value" DECIMAL(12,2),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "campaign_id" BIGINT,
    "service_record_id" BIGINT,
    "call_id" BIGINT,
    "scheduled_time" TIMESTAMPTZ(3),
    "status" VARCHAR(20) NOT NULL DEFAULT 'Pending',
    "created_by" BIGINT,
    "modified_by" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "booking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inquiry" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "customer_name" VARCHAR(100),
    "email" VARCHAR(150),
    "phone" VARCHAR(150),
    "message" TEXT,
    "status" VARCHAR(20) NOT NULL DEFAULT 'New',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inquiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tag" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "created_by" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_tag" (
    "call_id" BIGINT NOT NULL,
    "tag_id" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_tag_pkey" PRIMARY KEY ("call_id","tag_id")
);

-- CreateTable
CREATE TABLE "schedule_config" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "campaign_id" BIGINT NOT NULL,
    "config_json" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "schedule_config_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_history" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "plan_id" INTEGER,
    "user_id" BIGINT,
    "amount" DECIMAL(12,2) NOT NULL,
    "payment_date" TIMESTAMPTZ(3),
    "method" VARCHAR(50),
    "status" VARCHAR(50) NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dms_integration" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "type" VARCHAR(50) NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dms_integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "setting" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "value" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID,
    "user_id" BIGINT,
    "entity" VARCHAR(50) NOT NULL,
    "entity_id" TEXT,
    "action" VARCHAR(10) NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "old_value" JSONB,
    "new_value" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "prefix" VARCHAR(20) NOT NULL,
    "key_hash" VARCHAR(64) NOT NULL,
    "created_by" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "plan_name_key" ON "plan"("name");

-- CreateIndex
CREATE UNIQUE INDEX "organization_name_key" ON "organization"("name");

-- CreateIndex
CREATE UNIQUE INDEX "organization_email_key" ON "organization"("email");

-- CreateIndex
CREATE INDEX "organization_plan_id_idx" ON "organization"("plan_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE INDEX "user_organization_id_name_idx" ON "user"("organization_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "agent_organization_id_name_key" ON "agent"("organization_id", "name");

-- CreateIndex
CREATE INDEX "campaign_organization_id_status_updated_at_idx" ON "campaign"("organization_id", "status", "updated_at" DESC);

-- CreateIndex
CREATE INDEX "campaign_created_by_idx" ON "campaign"("created_by");

-- CreateIndex
CREATE INDEX "campaign_modified_by_idx" ON "campaign"("modified_by");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_organization_id_name_key" ON "campaign"("organization_id", "name");

-- CreateIndex
CREATE INDEX "service_record_organization_id_created_at_id_idx" ON "service_record"("organization_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "service_record_organization_id_campaign_id_idx" ON "service_record"("organization_id", "campaign_id");

-- CreateIndex
CREATE INDEX "service_record_organization_id_status_idx" ON "service_record"("organization_id", "status");

-- CreateIndex
CREATE INDEX "service_record_organization_id_service_type_idx" ON "service_record"("organization_id", "service_type");

-- CreateIndex
CREATE INDEX "service_record_organization_id_customer_phone_idx" ON "service_record"("organization_id", "customer_phone");

-- CreateIndex
CREATE INDEX "service_record_organization_id_appointment_date_idx" ON "service_record"("organization_id", "appointment_date");

-- CreateIndex
CREATE INDEX "service_record_campaign_id_idx" ON "service_record"("campaign_id");

-- CreateIndex
CREATE INDEX "service_record_created_by_idx" ON "service_record"("created_by");

-- CreateIndex
CREATE INDEX "service_record_modified_by_idx" ON "service_record"("modified_by");

-- CreateIndex
CREATE INDEX "call_organization_id_start_time_id_idx" ON "call"("organization_id", "start_time" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "call_organization_id_status_start_time_idx" ON "call"("organization_id", "status", "start_time" DESC);

-- CreateIndex
CREATE INDEX "call_organization_id_campaign_id_start_time_idx" ON "call"("organization_id", "campaign_id", "start_time" DESC);

-- CreateIndex
CREATE INDEX "call_organization_id_agent_id_start_time_idx" ON "call"("organization_id", "agent_id", "start_time" DESC);

-- CreateIndex
CREATE INDEX "call_organization_id_customer_number_idx" ON "call"("organization_id", "customer_number");

-- CreateIndex
CREATE INDEX "call_organization_id_reviewed_at_start_time_idx" ON "call"("organization_id", "reviewed_at", "start_time");

-- CreateIndex
CREATE INDEX "call_organization_id_duration_sec_idx" ON "call"("organization_id", "duration_sec");

-- CreateIndex
CREATE INDEX "call_service_record_id_start_time_idx" ON "call"("service_record_id", "start_time" DESC);

-- CreateIndex
CREATE INDEX "call_campaign_id_idx" ON "call"("campaign_id");

-- CreateIndex
CREATE INDEX "call_agent_id_idx" ON "call"("agent_id");

-- CreateIndex
CREATE INDEX "call_reviewed_by_idx" ON "call"("reviewed_by");

-- CreateIndex
CREATE UNIQUE INDEX "call_organization_id_external_id_key" ON "call"("organization_id", "external_id");

-- CreateIndex
CREATE INDEX "transcript_organization_id_call_id_idx" ON "transcript"("organization_id", "call_id");

-- CreateIndex
CREATE INDEX "transcript_call_id_timestamp_id_idx" ON "transcript"("call_id", "timestamp", "id");

-- CreateIndex
CREATE INDEX "transcript_search_vector_idx" ON "transcript" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "audio_file_call_id_key" ON "audio_file"("call_id");

-- CreateIndex
CREATE INDEX "audio_file_organization_id_idx" ON "audio_file"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "kpi_organization_id_name_key" ON "kpi"("organization_id", "name");

-- CreateIndex
CREATE INDEX "booking_organization_id_scheduled_time_idx" ON "booking"("organization_id", "scheduled_time");

-- CreateIndex
CREATE INDEX "booking_organization_id_status_scheduled_time_idx" ON "booking"("organization_id", "status", "scheduled_time");

-- CreateIndex
CREATE INDEX "booking_organization_id_campaign_id_idx" ON "booking"("organization_id", "campaign_id");

-- CreateIndex
CREATE INDEX "booking_service_record_id_idx" ON "booking"("service_record_id");

-- CreateIndex
CREATE INDEX "booking_call_id_idx" ON "booking"("call_id");

-- CreateIndex
CREATE INDEX "booking_campaign_id_idx" ON "booking"("campaign_id");

-- CreateIndex
CREATE INDEX "booking_created_by_idx" ON "booking"("created_by");

-- CreateIndex
CREATE INDEX "booking_modified_by_idx" ON "booking"("modified_by");

-- CreateIndex
CREATE INDEX "inquiry_organization_id_status_created_at_idx" ON "inquiry"("organization_id", "status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "inquiry_organization_id_created_at_idx" ON "inquiry"("organization_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "tag_created_by_idx" ON "tag"("created_by");

-- CreateIndex
CREATE UNIQUE INDEX "tag_organization_id_name_key" ON "tag"("organization_id", "name");

-- CreateIndex
CREATE INDEX "call_tag_tag_id_call_id_idx" ON "call_tag"("tag_id", "call_id");

-- CreateIndex
CREATE UNIQUE INDEX "schedule_config_campaign_id_key" ON "schedule_config"("campaign_id");

-- CreateIndex
CREATE INDEX "schedule_config_organization_id_idx" ON "schedule_config"("organization_id");

-- CreateIndex
CREATE INDEX "payment_history_organization_id_payment_date_idx" ON "payment_history"("organization_id", "payment_date" DESC);

-- CreateIndex
CREATE INDEX "payment_history_organization_id_status_idx" ON "payment_history"("organization_id", "status");

-- CreateIndex
CREATE INDEX "payment_history_plan_id_idx" ON "payment_history"("plan_id");

-- CreateIndex
CREATE INDEX "payment_history_user_id_idx" ON "payment_history"("user_id");

-- CreateIndex
CREATE INDEX "dms_integration_organization_id_name_idx" ON "dms_integration"("organization_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "setting_organization_id_key_key" ON "setting"("organization_id", "key");

-- CreateIndex
CREATE INDEX "audit_log_organization_id_timestamp_id_idx" ON "audit_log"("organization_id", "timestamp" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_log_organization_id_user_id_timestamp_idx" ON "audit_log"("organization_id", "user_id", "timestamp" DESC);

-- CreateIndex
CREATE INDEX "audit_log_organization_id_entity_timestamp_idx" ON "audit_log"("organization_id", "entity", "timestamp" DESC);

-- CreateIndex
CREATE INDEX "audit_log_organization_id_action_timestamp_idx" ON "audit_log"("organization_id", "action", "timestamp" DESC);

-- CreateIndex
CREATE INDEX "audit_log_user_id_idx" ON "audit_log"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_key_hash_key" ON "api_key"("key_hash");

-- CreateIndex
CREATE INDEX "api_key_organization_id_created_at_idx" ON "api_key"("organization_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "api_key_created_by_idx" ON "api_key"("created_by");

-- AddForeignKey
ALTER TABLE "organization" ADD CONSTRAINT "organization_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user" ADD CONSTRAINT "user_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent" ADD CONSTRAINT "agent_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_modified_by_fkey" FOREIGN KEY ("modified_by") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_record" ADD CONSTRAINT "service_record_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_record" ADD CONSTRAINT "service_record_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_record" ADD CONSTRAINT "service_record_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_record" ADD CONSTRAINT "service_record_modified_by_fkey" FOREIGN KEY ("modified_by") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call" ADD CONSTRAINT "call_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call" ADD CONSTRAINT "call_service_record_id_fkey" FOREIGN KEY ("service_record_id") REFERENCES "service_record"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call" ADD CONSTRAINT "call_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call" ADD CONSTRAINT "call_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call" ADD CONSTRAINT "call_reviewed_by_fkey" FOREIGN KEY ("reviewed_by") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transcript" ADD CONSTRAINT "transcript_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transcript" ADD CONSTRAINT "transcript_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audio_file" ADD CONSTRAINT "audio_file_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audio_file" ADD CONSTRAINT "audio_file_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking" ADD CONSTRAINT "booking_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking" ADD CONSTRAINT "booking_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking" ADD CONSTRAINT "booking_service_record_id_fkey" FOREIGN KEY ("service_record_id") REFERENCES "service_record"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking" ADD CONSTRAINT "booking_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking" ADD CONSTRAINT "booking_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking" ADD CONSTRAINT "booking_modified_by_fkey" FOREIGN KEY ("modified_by") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tag" ADD CONSTRAINT "tag_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tag" ADD CONSTRAINT "tag_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_tag" ADD CONSTRAINT "call_tag_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_tag" ADD CONSTRAINT "call_tag_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule_config" ADD CONSTRAINT "schedule_config_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule_config" ADD CONSTRAINT "schedule_config_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_history" ADD CONSTRAINT "payment_history_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_history" ADD CONSTRAINT "payment_history_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_history" ADD CONSTRAINT "payment_history_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dms_integration" ADD CONSTRAINT "dms_integration_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "setting" ADD CONSTRAINT "setting_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
