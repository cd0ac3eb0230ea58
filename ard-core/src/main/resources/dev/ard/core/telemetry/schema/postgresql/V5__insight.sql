-- ARD telemetry schema v5: indexes for the report (docs/architecture.md §10).
-- test_result_test becomes covering for the report's reads of one test class across builds (every result of the
-- classes that failed or were flaky): with build, outcome, flaky and duration in the index those reads touch no table
-- page. Its leading columns are unchanged, so the selection features' reads of one test use it as before.
-- selection_class: the skip reasons of one test class across builds.
-- build.saved_ms: the test time selection estimated it saved (the summary line's "est. … saved"), recorded with the
-- build (0 when nothing was skipped) so the report needs no pass over the skipped rows; NULL for builds written before.

DROP INDEX test_result_test;
CREATE INDEX test_result_test ON test_result (module, class_name, method_name, build_id, outcome, flaky, duration_ms);
CREATE INDEX selection_class ON selection (module, class_name);
ALTER TABLE build ADD COLUMN saved_ms BIGINT;
