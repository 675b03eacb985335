-- CreateTable
CREATE TABLE "call_metric_fact" (
    "call_id" BIGINT NOT NULL,
    "organization_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "campaign_id" BIGINT NOT NULL,
    "service_type" VARCHAR(50) NOT NULL,
    "outcome" VARCHAR(20) NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "duration_sec" INTEGER,
    "booked" BOOLEAN NOT NULL,
    "showed" BOOLEAN NOT NULL,
    "service_completed" BOOLEAN NOT NULL,
    "unreviewed" BOOLEAN NOT NULL,
    "credits_debited" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "call_metric_fact_pkey" PRIMARY KEY ("call_id")
);

-- CreateTable
CREATE TABLE "call_daily_stat" (
    "organization_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "campaign_id" BIGINT NOT NULL,
    "service_type" VARCHAR(50) NOT NULL,
    "outcome" VARCHAR(20) NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "duration_sum" BIGINT NOT NULL DEFAULT 0,
    "durations" INTEGER NOT NULL DEFAULT 0,
    "booked" INTEGER NOT NULL DEFAULT 0,
    "showed" INTEGER NOT NULL DEFAULT 0,
    "service_completed" INTEGER NOT NULL DEFAULT 0,
    "unreviewed" INTEGER NOT NULL DEFAULT 0,
    "credits_debited" DECIMAL(14,2) NOT NULL DEFAULT 0,

    CONSTRAINT "call_daily_stat_pkey" PRIMARY KEY ("organization_id","day","campaign_id","service_type","outcome","status")
);

-- CreateTable
CREATE TABLE "call_daily_total" (
    "organization_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "campaign_id" BIGINT NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "duration_sum" BIGINT NOT NULL DEFAULT 0,
    "durations" INTEGER NOT NULL DEFAULT 0,
    "booked" INTEGER NOT NULL DEFAULT 0,
    "showed" INTEGER NOT NULL DEFAULT 0,
    "service_completed" INTEGER NOT NULL DEFAULT 0,
    "unreviewed" INTEGER NOT NULL DEFAULT 0,
    "credits_debited" DECIMAL(14,2) NOT NULL DEFAULT 0,

    CONSTRAINT "call_daily_total_pkey" PRIMARY KEY ("organization_id","day","campaign_id","status")
);

-- CreateIndex
CREATE INDEX "call_metric_fact_organization_id_idx" ON "call_metric_fact"("organization_id");

-- CreateIndex
CREATE INDEX "call_daily_total_organization_id_status_idx" ON "call_daily_total"("organization_id", "status");

-- CreateIndex
CREATE INDEX "service_record_organization_id_updated_at_rating_idx" ON "service_record"("organization_id", "updated_at", "rating");

-- Hand-written from here: Prisma does not describe views, functions or triggers, so a re-diff leaves them alone.
--
-- call_daily_stat and call_daily_total are the dashboard's and the KPIs' rollups of calls (server/services/metrics.ts). A call adds
-- one to `calls` of its row (organization, local start day, campaign, service type, outcome, status) and its
-- duration, booking, show, review and debit figures. call_metric_fact keeps what each call added, so that a
-- change to the call or to a row that feeds it (its first booking, that booking's service record, its service
-- record's type, its debit, the organization's time zone) takes the old contribution back and adds the new one.
-- The triggers are deferred constraint triggers: they run once at commit, after every write of the
-- transaction, and refresh_call_metrics() is idempotent, so many writes touching one call cost one refresh,
-- and the rollup rows (which concurrent writers share) stay locked only for the moment of the commit.

-- What each call contributes, computed from the tables. Filtering by call_id pushes down to index lookups.
CREATE VIEW "call_metric_source" AS
SELECT c.id AS call_id,
       c.organization_id,
       (c.start_time AT TIME ZONE coalesce(nullif(tz.value, ''), 'America/New_York'))::date AS day,
       coalesce(c.campaign_id, 0) AS campaign_id,
       coalesce(sr.service_type, '') AS service_type,
       coalesce(c.outcome, '') AS outcome,
       c.status,
       CASE WHEN c.status = 'completed' THEN c.duration_sec END AS duration_sec,
       (c.status = 'completed' AND fb.call_id IS NOT NULL) AS booked,
       (c.status = 'completed' AND fb.call_id IS NOT NULL AND fb.status = 'Completed') AS showed,
       (c.status = 'completed' AND fb.call_id IS NOT NULL AND fb.record_status IS NOT DISTINCT FROM 'Completed') AS service_completed,
       (c.status = 'completed' AND c.reviewed_at IS NULL) AS unreviewed,
       coalesce(debit.amount, 0)::numeric(12, 2) AS credits_debited
  FROM "call" c
  LEFT JOIN setting tz ON tz.organization_id = c.organization_id AND tz.key = 'timezone'
  LEFT JOIN service_record sr ON sr.id = c.service_record_id
  -- A booked call counts its first booking (lowest id) of its own organization.
  LEFT JOIN (
    SELECT DISTINCT ON (b.call_id) b.call_id, b.organization_id, b.status, bsr.status AS record_status
      FROM booking b LEFT JOIN service_record bsr ON bsr.id = b.service_record_id
     WHERE b.call_id IS NOT NULL
     ORDER BY b.call_id, b.id
  ) fb ON fb.call_id = c.id AND fb.organization_id = c.organization_id
  LEFT JOIN (
    SELECT ct.call_id, -sum(ct.amount) AS amount
      FROM credit_transaction ct
     WHERE ct.kind = 'call_debit' AND ct.call_id IS NOT NULL
     GROUP BY ct.call_id
  ) debit ON debit.call_id = c.id
 WHERE c.start_time IS NOT NULL;

-- Adds (sign 1) or takes back (sign -1) one call's contribution.
CREATE FUNCTION apply_call_metric_fact(fact call_metric_fact, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO call_daily_stat AS stat (organization_id, day, campaign_id, service_type, outcome, status, calls, duration_sum, durations, booked, showed, service_completed, unreviewed, credits_debited)
  VALUES (fact.organization_id, fact.day, fact.campaign_id, fact.service_type, fact.outcome, fact.status, sign,
          sign * coalesce(fact.duration_sec, 0), sign * (fact.duration_sec IS NOT NULL)::int, sign * fact.booked::int,
          sign * fact.showed::int, sign * fact.service_completed::int, sign * fact.unreviewed::int, sign * fact.credits_debited)
  ON CONFLICT (organization_id, day, campaign_id, service_type, outcome, status) DO UPDATE SET
    calls = stat.calls + excluded.calls,
    duration_sum = stat.duration_sum + excluded.duration_sum,
    durations = stat.durations + excluded.durations,
    booked = stat.booked + excluded.booked,
    showed = stat.showed + excluded.showed,
    service_completed = stat.service_completed + excluded.service_completed,
    unreviewed = stat.unreviewed + excluded.unreviewed,
    credits_debited = stat.credits_debited + excluded.credits_debited;
  INSERT INTO call_daily_total AS total (organization_id, day, campaign_id, status, calls, duration_sum, durations, booked, showed, service_completed, unreviewed, credits_debited)
  VALUES (fact.organization_id, fact.day, fact.campaign_id, fact.status, sign,
          sign * coalesce(fact.duration_sec, 0), sign * (fact.duration_sec IS NOT NULL)::int, sign * fact.booked::int,
          sign * fact.showed::int, sign * fact.service_completed::int, sign * fact.unreviewed::int, sign * fact.credits_debited)
  ON CONFLICT (organization_id, day, campaign_id, status) DO UPDATE SET
    calls = total.calls + excluded.calls,
    duration_sum = total.duration_sum + excluded.duration_sum,
    durations = total.durations + excluded.durations,
    booked = total.booked + excluded.booked,
    showed = total.showed + excluded.showed,
    service_completed = total.service_completed + excluded.service_completed,
    unreviewed = total.unreviewed + excluded.unreviewed,
    credits_debited = total.credits_debited + excluded.credits_debited;
END $$;

-- Brings one call's contribution up to date (nothing when it is unchanged; taken back when the call is gone).
CREATE FUNCTION refresh_call_metrics(target_call_id bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  applied call_metric_fact;
  current_fact call_metric_fact;
  had_fact boolean;
  has_fact boolean;
BEGIN
  IF target_call_id IS NULL THEN RETURN; END IF;
  SELECT * INTO applied FROM call_metric_fact WHERE call_id = target_call_id FOR UPDATE;
  had_fact := FOUND;
  SELECT call_id, organization_id, day, campaign_id, service_type, outcome, status, duration_sec, booked, showed, service_completed, unreviewed, credits_debited
    INTO current_fact FROM call_metric_source WHERE call_id = target_call_id;
  has_fact := FOUND;
  IF had_fact AND has_fact AND applied IS NOT DISTINCT FROM current_fact THEN RETURN; END IF;
  IF NOT had_fact AND NOT has_fact THEN RETURN; END IF;
  -- Rows are changed in key order, so that two commits moving calls between the same rows cannot deadlock.
  IF had_fact AND has_fact
     AND (current_fact.organization_id, current_fact.day, current_fact.campaign_id, current_fact.service_type, current_fact.outcome, current_fact.status)
       < (applied.organization_id, applied.day, applied.campaign_id, applied.service_type, applied.outcome, applied.status) THEN
    PERFORM apply_call_metric_fact(current_fact, 1);
    PERFORM apply_call_metric_fact(applied, -1);
  ELSE
    IF had_fact THEN PERFORM apply_call_metric_fact(applied, -1); END IF;
    IF has_fact THEN PERFORM apply_call_metric_fact(current_fact, 1); END IF;
  END IF;
  IF has_fact THEN
    INSERT INTO call_metric_fact VALUES (current_fact.*)
    ON CONFLICT (call_id) DO UPDATE SET organization_id = excluded.organization_id, day = excluded.day, campaign_id = excluded.campaign_id,
      service_type = excluded.service_type, outcome = excluded.outcome, status = excluded.status, duration_sec = excluded.duration_sec,
      booked = excluded.booked, showed = excluded.showed, service_completed = excluded.service_completed, unreviewed = excluded.unreviewed,
      credits_debited = excluded.credits_debited;
  ELSE
    DELETE FROM call_metric_fact WHERE call_id = target_call_id;
  END IF;
END $$;

-- Recomputes one organization's rollup from scratch, set-based (first fill, time-zone change, bulk loads).
CREATE FUNCTION rebuild_call_metrics(target_organization_id uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM call_daily_stat WHERE organization_id = target_organization_id;
  DELETE FROM call_daily_total WHERE organization_id = target_organization_id;
  DELETE FROM call_metric_fact WHERE organization_id = target_organization_id;
  INSERT INTO call_metric_fact (call_id, organization_id, day, campaign_id, service_type, outcome, status, duration_sec, booked, showed, service_completed, unreviewed, credits_debited)
  SELECT call_id, organization_id, day, campaign_id, service_type, outcome, status, duration_sec, booked, showed, service_completed, unreviewed, credits_debited
    FROM call_metric_source WHERE organization_id = target_organization_id;
  INSERT INTO call_daily_stat (organization_id, day, campaign_id, service_type, outcome, status, calls, duration_sum, durations, booked, showed, service_completed, unreviewed, credits_debited)
  SELECT organization_id, day, campaign_id, service_type, outcome, status, count(*), coalesce(sum(duration_sec), 0), count(duration_sec),
         count(*) FILTER (WHERE booked), count(*) FILTER (WHERE showed), count(*) FILTER (WHERE service_completed),
         count(*) FILTER (WHERE unreviewed), sum(credits_debited)
    FROM call_metric_fact WHERE organization_id = target_organization_id
   GROUP BY organization_id, day, campaign_id, service_type, outcome, status;
  INSERT INTO call_daily_total (organization_id, day, campaign_id, status, calls, duration_sum, durations, booked, showed, service_completed, unreviewed, credits_debited)
  SELECT organization_id, day, campaign_id, status, sum(calls), sum(duration_sum), sum(durations), sum(booked), sum(showed), sum(service_completed), sum(unreviewed), sum(credits_debited)
    FROM call_daily_stat WHERE organization_id = target_organization_id
   GROUP BY organization_id, day, campaign_id, status;
END $$;

CREATE FUNCTION call_metrics_on_call() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_call_metrics(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
  RETURN NULL;
END $$;

CREATE FUNCTION call_metrics_on_call_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM refresh_call_metrics(OLD.call_id); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.call_id IS DISTINCT FROM OLD.call_id) THEN PERFORM refresh_call_metrics(NEW.call_id); END IF;
  RETURN NULL;
END $$;

-- A service record's type feeds its calls; its status feeds the calls whose first booking points at it.
CREATE FUNCTION call_metrics_on_service_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_call_metrics(id) FROM "call" WHERE service_record_id = NEW.id;
  PERFORM refresh_call_metrics(call_id) FROM booking WHERE service_record_id = NEW.id AND call_id IS NOT NULL;
  RETURN NULL;
END $$;

CREATE FUNCTION call_metrics_on_time_zone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rebuild_call_metrics(CASE WHEN TG_OP = 'DELETE' THEN OLD.organization_id ELSE NEW.organization_id END);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER call_metrics_call AFTER INSERT OR DELETE OR UPDATE OF organization_id, start_time, status, duration_sec, campaign_id, service_record_id, outcome, reviewed_at
  ON "call" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION call_metrics_on_call();
CREATE CONSTRAINT TRIGGER call_metrics_booking AFTER INSERT OR DELETE OR UPDATE OF call_id, status, service_record_id, organization_id
  ON booking DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION call_metrics_on_call_link();
CREATE CONSTRAINT TRIGGER call_metrics_credit_transaction AFTER INSERT OR DELETE OR UPDATE OF call_id, amount, kind
  ON credit_transaction DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION call_metrics_on_call_link();
CREATE CONSTRAINT TRIGGER call_metrics_service_record AFTER UPDATE OF service_type, status
  ON service_record DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.service_type IS DISTINCT FROM NEW.service_type OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION call_metrics_on_service_record();
CREATE CONSTRAINT TRIGGER call_metrics_time_zone_set AFTER INSERT OR UPDATE OF key, value
  ON setting DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.key = 'timezone')
  EXECUTE FUNCTION call_metrics_on_time_zone();
CREATE CONSTRAINT TRIGGER call_metrics_time_zone_removed AFTER DELETE
  ON setting DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.key = 'timezone')
  EXECUTE FUNCTION call_metrics_on_time_zone();

SELECT rebuild_call_metrics(id) FROM organization;
