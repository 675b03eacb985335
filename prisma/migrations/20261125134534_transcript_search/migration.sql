-- Hand-written: keeps transcript.search_vector filled from content with PostgreSQL's built-in
-- trigger (the config name is schema-qualified, as the trigger requires). Prisma does not
-- describe triggers, so a re-diff leaves this alone.
CREATE TRIGGER transcript_search_vector_update
  BEFORE INSERT OR UPDATE OF content ON "transcript"
  FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(search_vector, 'pg_catalog.english', content);

UPDATE "transcript" SET search_vector = to_tsvector('pg_catalog.english', coalesce(content, '')) WHERE search_vector IS NULL;
