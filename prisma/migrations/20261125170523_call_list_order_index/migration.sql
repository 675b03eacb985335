-- Hand-written (the schema engine does not diff NULLS LAST): the call log default order is
-- start_time DESC NULLS LAST, id DESC; the existing (start_time DESC, id DESC) index sorts nulls first,
-- so the first page of a million calls was a full sort. Newest-first transcript search walks it too.
CREATE INDEX "call_organization_id_start_time_nulls_last_id_idx" ON "call"("organization_id", "start_time" DESC NULLS LAST, "id" DESC);
