-- When the projection wrote the row (clock time, not transaction start): the recorded → projected lag that
-- operators and the benchmark read.
ALTER TABLE timeline_entry ADD COLUMN projected_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp();
