-- The dial queue hands out the records of a campaign with the fewest outbound attempts first (then the
-- nearest appointment). Counted from the call table at claim time, that order meant reading the history
-- of every record of the campaign on every claim. The record now carries its attempt count and the moment
-- of its last attempt, kept by statement triggers on call, so a claim reads the first entries of
-- service_record_dial_queue_idx and stops (ascending order puts null appointment dates last).

-- AlterTable
ALTER TABLE "service_record" ADD COLUMN     "last_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "outbound_attempts" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "service_record_dial_queue_idx" ON "service_record"("organization_id", "campaign_id", "outbound_attempts", "appointment_date", "id");

-- Hand-written from here. Recounts the outbound calls of these records (only the rows that change are written).
CREATE FUNCTION refresh_service_record_attempts(record_ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "service_record" AS target
     SET outbound_attempts = history.attempts, last_attempt_at = history.last_attempt_at
    FROM (SELECT sr.id, count(attempt.id)::int AS attempts, max(coalesce(attempt.start_time, attempt.created_at)) AS last_attempt_at
            FROM "service_record" AS sr
            LEFT JOIN "call" AS attempt
              ON attempt.service_record_id = sr.id AND attempt.direction = 'outbound' AND attempt.organization_id = sr.organization_id
           WHERE sr.id = ANY(record_ids)
           GROUP BY sr.id) AS history
   WHERE target.id = history.id
     AND (target.outbound_attempts, target.last_attempt_at) IS DISTINCT FROM (history.attempts, history.last_attempt_at)
$$;

CREATE FUNCTION service_record_attempts_on_call_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_service_record_attempts(ARRAY(
    SELECT DISTINCT service_record_id FROM new_calls WHERE service_record_id IS NOT NULL AND direction = 'outbound'));
  RETURN NULL;
END $$;

CREATE FUNCTION service_record_attempts_on_call_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_service_record_attempts(ARRAY(
    SELECT DISTINCT service_record_id FROM old_calls WHERE service_record_id IS NOT NULL AND direction = 'outbound'));
  RETURN NULL;
END $$;

-- Only updates that move a call between records, change its direction or organization, or change its time.
CREATE FUNCTION service_record_attempts_on_call_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_service_record_attempts(ARRAY(
    SELECT unnest(ARRAY[old_call.service_record_id, new_call.service_record_id])
      FROM old_calls AS old_call JOIN new_calls AS new_call ON new_call.id = old_call.id
     WHERE (old_call.service_record_id, old_call.direction, old_call.organization_id, old_call.start_time, old_call.created_at)
           IS DISTINCT FROM (new_call.service_record_id, new_call.direction, new_call.organization_id, new_call.start_time, new_call.created_at)));
  RETURN NULL;
END $$;

CREATE TRIGGER service_record_attempts_call_insert AFTER INSERT ON "call"
  REFERENCING NEW TABLE AS new_calls FOR EACH STATEMENT EXECUTE FUNCTION service_record_attempts_on_call_insert();
CREATE TRIGGER service_record_attempts_call_update AFTER UPDATE ON "call"
  REFERENCING OLD TABLE AS old_calls NEW TABLE AS new_calls FOR EACH STATEMENT EXECUTE FUNCTION service_record_attempts_on_call_update();
CREATE TRIGGER service_record_attempts_call_delete AFTER DELETE ON "call"
  REFERENCING OLD TABLE AS old_calls FOR EACH STATEMENT EXECUTE FUNCTION service_record_attempts_on_call_delete();

-- Backfill, in one pass over the calls.
UPDATE "service_record" AS sr
   SET outbound_attempts = history.attempts, last_attempt_at = history.last_attempt_at
  FROM (SELECT service_record_id, organization_id, count(*)::int AS attempts, max(coalesce(start_time, created_at)) AS last_attempt_at
          FROM "call" WHERE direction = 'outbound' AND service_record_id IS NOT NULL
         GROUP BY service_record_id, organization_id) AS history
 WHERE sr.id = history.service_record_id AND sr.organization_id = history.organization_id;
