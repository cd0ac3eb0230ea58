-- ARD telemetry schema v2 for SQLite: the test-selection decisions of each build (DESIGN §3, §4).
-- One row per test class a Surefire/Failsafe execution considered: selected (1) or skipped by selection (0),
-- with the one-line reason ARD gave. A skipped class also has a SKIPPED_BY_SELECTION row in test_result.

CREATE TABLE selection (
    build_id     TEXT    NOT NULL REFERENCES build (id) ON DELETE CASCADE,
    module       TEXT    NOT NULL,
    plugin       TEXT,
    execution_id TEXT,
    class_name   TEXT    NOT NULL,
    selected     INTEGER NOT NULL,
    reason       TEXT
);
CREATE INDEX selection_build ON selection (build_id);
