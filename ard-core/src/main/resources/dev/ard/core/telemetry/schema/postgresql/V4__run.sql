-- ARD telemetry schema v4 for PostgreSQL: the CI run a build belongs to, and its shard (docs/architecture.md §4).
-- run_id: the id the jobs of one CI run share (ard.run, else the CI's run id); shard: "i/n" when the build ran one
-- shard of the selection, else NULL. A sharded build is never a selection base: it ran part of the selection only.

ALTER TABLE build ADD COLUMN run_id TEXT;
ALTER TABLE build ADD COLUMN shard TEXT;
CREATE INDEX build_run_id ON build (run_id);
