-- ARD telemetry schema v4 for SQLite: the CI run a build belongs to, its shard, and the history snapshot the shards of
-- a run share (docs/architecture.md §4).
-- build.run_id: the id the jobs of one CI run share (ard.run, else the CI's run id); build.shard: "i/n" when the build
-- ran one shard of the selection, else NULL. A sharded build is never a selection base: it ran part of the selection.
-- run_snapshot: one row per sharded run, written by its first shard to start; every shard reads the store as of
-- finished_by (epoch milliseconds UTC), so siblings writing meanwhile change no shard's partition; plan: the first
-- shard's ARD version, shard count and selection settings, which the others compare with their own.
-- impact_fact: what the impact analysis said of each test class in a build (also where every test ran): in the safe
-- set or not, hops to the nearest changed class (-1: none reaches it), changed classes reaching it.

ALTER TABLE build ADD COLUMN run_id TEXT;
ALTER TABLE build ADD COLUMN shard TEXT;
CREATE INDEX build_run_id ON build (run_id);

CREATE TABLE run_snapshot (
    run_id      TEXT    NOT NULL PRIMARY KEY,
    finished_by INTEGER NOT NULL,
    plan        TEXT
);

CREATE TABLE impact_fact (
    build_id   TEXT    NOT NULL REFERENCES build (id) ON DELETE CASCADE,
    module     TEXT    NOT NULL,
    class_name TEXT    NOT NULL,
    in_safe    INTEGER NOT NULL,
    hops       INTEGER NOT NULL,
    reaching   INTEGER NOT NULL
);
CREATE INDEX impact_fact_build ON impact_fact (build_id);
