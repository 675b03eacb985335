-- CreateTable
CREATE TABLE "sign_in_attempt" (
    "id" BIGSERIAL NOT NULL,
    "email_key" VARCHAR(150) NOT NULL,
    "ip" VARCHAR(64),
    "succeeded" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sign_in_attempt_email_key_created_at_idx" ON "sign_in_attempt"("email_key", "created_at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_ip_created_at_idx" ON "sign_in_attempt"("ip", "created_at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_created_at_idx" ON "sign_in_attempt"("created_at");
