-- The dial queue reads each candidate record's outbound history (attempts made, last attempt, a call in
-- flight) in one probe: with every column it reads in the key, that probe is an index-only scan instead
-- of three bitmap heap scans over the record's calls (about 25,000 heap pages per claim at a million calls).
CREATE INDEX "call_dial_queue_history_idx" ON "call"("service_record_id", "direction", "organization_id", "status", "start_time", "created_at");
