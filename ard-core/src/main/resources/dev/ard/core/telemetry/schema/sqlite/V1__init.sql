-- ARD telemetry schema v1 for SQLite (DESIGN §4). The PostgreSQL script has the same tables and columns.
-- Conventions, the same in both dialects so that one query text serves both:
--   * every time is epoch milliseconds UTC in an INTEGER column (BIGINT in PostgreSQL), sub-millisecond parts dropped;
--   * booleans are 0/1 here, BOOLEAN in PostgreSQL;
--   * build.id is a UUID text made by the writer, so no sequences are needed;
--   * build.goals is a JSON array of strings.
-- The tables `selection` and `model` come with a later migration (V2).

CREATE TABLE build (
    id            TEXT    NOT NULL PRIMARY KEY,
    started_at    INTEGER NOT NULL,
    finished_at   INTEGER,
    root_dir      TEXT,
    commit_sha    TEXT,
    branch        TEXT,
    dirty         INTEGER NOT NULL,
    ci_provider   TEXT,
    ci_build_url  TEXT,
    goals         TEXT    NOT NULL,
    maven_version TEXT,
    java_version  TEXT,
    os            TEXT,
    mode          TEXT,
    result        TEXT
);
-- recent builds, "last N builds" of every stats query
CREATE INDEX build_started_at ON build (started_at);
-- last green build of a branch (selection base)
CREATE INDEX build_branch_started_at ON build (branch, started_at);

CREATE TABLE change (
    build_id TEXT NOT NULL REFERENCES build (id) ON DELETE CASCADE,
    path     TEXT NOT NULL,
    kind     TEXT
);
CREATE INDEX change_build ON change (build_id);
-- co-failure features: builds that changed a given file
CREATE INDEX change_path ON change (path);

CREATE TABLE module_run (
    build_id     TEXT    NOT NULL REFERENCES build (id) ON DELETE CASCADE,
    module       TEXT,
    plugin       TEXT,
    execution_id TEXT,
    source       TEXT,
    duration_ms  INTEGER NOT NULL,
    note         TEXT
);
CREATE INDEX module_run_build ON module_run (build_id);

CREATE TABLE test_result (
    build_id            TEXT    NOT NULL REFERENCES build (id) ON DELETE CASCADE,
    module              TEXT    NOT NULL,
    plugin              TEXT,
    execution_id        TEXT,
    class_name          TEXT    NOT NULL,
    method_name         TEXT    NOT NULL,
    duration_ms         INTEGER NOT NULL,
    outcome             TEXT    NOT NULL,
    reruns              INTEGER NOT NULL,
    flaky               INTEGER NOT NULL,
    failure_type        TEXT,
    failure_fingerprint TEXT
);
-- per-build totals, and the stats queries restricted to the last N builds
CREATE INDEX test_result_build ON test_result (build_id);
-- history of one test (selection features: failure rate, duration, flakiness)
CREATE INDEX test_result_test ON test_result (module, class_name, method_name);

CREATE TABLE mojo_timing (
    build_id     TEXT    NOT NULL REFERENCES build (id) ON DELETE CASCADE,
    module       TEXT,
    plugin       TEXT,
    goal         TEXT,
    execution_id TEXT,
    started_at   INTEGER,
    duration_ms  INTEGER NOT NULL,
    succeeded    INTEGER NOT NULL
);
CREATE INDEX mojo_timing_build ON mojo_timing (build_id);
