-- "Average rating over service records rated in the period" counted records by updated_at, so any edit or import
-- that touched a rated record counted its old rating again. rated_at is when the rating was given or changed.

-- DropIndex
DROP INDEX "service_record_organization_id_updated_at_rating_idx";

-- AlterTable
ALTER TABLE "service_record" ADD COLUMN     "rated_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "service_record_organization_id_rated_at_rating_idx" ON "service_record"("organization_id", "rated_at", "rating");

-- Hand-written from here. Existing ratings were given at their record's last update at the latest.
UPDATE "service_record" SET rated_at = updated_at WHERE rating IS NOT NULL;

CREATE FUNCTION service_record_rated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.rated_at := CASE WHEN NEW.rating IS NULL THEN NULL ELSE coalesce(NEW.rated_at, NEW.updated_at, now()) END;
  ELSIF NEW.rating IS DISTINCT FROM OLD.rating THEN
    NEW.rated_at := CASE WHEN NEW.rating IS NULL THEN NULL ELSE now() END;
  ELSE
    NEW.rated_at := OLD.rated_at;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER service_record_rated_at BEFORE INSERT OR UPDATE ON "service_record"
  FOR EACH ROW EXECUTE FUNCTION service_record_rated_at();
