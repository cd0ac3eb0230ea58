-- ARD telemetry schema v6: bytecode snapshots (docs/architecture.md §4) for builds without ARD's local cache, such as
-- CI runners: one row per commit and module, the same gzipped bytes .ard/cache/bytecode keeps (their format and ARD
-- version are checked when read). Only the newest commits are kept: older rows are deleted as new ones arrive.

CREATE TABLE bytecode_snapshot (
    commit_sha TEXT    NOT NULL,
    module     TEXT    NOT NULL,
    written_at BIGINT  NOT NULL,
    bytes      BYTEA   NOT NULL,
    PRIMARY KEY (commit_sha, module)
);
