-- ARD telemetry schema v5: an index for the report's selection misses (docs/architecture.md §10): the skip reasons of
-- one test class across builds, read for the few classes that failed or were flaky.

CREATE INDEX selection_class ON selection (module, class_name);
