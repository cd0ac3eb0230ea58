package dev.ard.core.selection;

import dev.ard.core.git.ChangeSet;
import dev.ard.core.selection.predictive.PredictiveContext;
import dev.ard.core.telemetry.GreenBuild;
import dev.ard.core.telemetry.TestHistory;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a build's selection starts from, resolved once per build ({@link SelectionBasisResolver}): either every test
 * runs, for one build-wide reason, or the build selects from a change set and the history.
 */
public sealed interface SelectionBasis {

    /** The mode in effect ({@code ALL} on a full branch in {@code auto}, {@code SAFE} when predictive is not ready). */
    SelectionMode mode();

    /**
     * Every test of every module runs.
     *
     * @param mode   the mode in effect
     * @param reason one line: why (no history, no base commit, the mode itself…)
     * @param failed the reason is a failure (the store could not be read, the selection timed out…), not a fact every
     *               build of the same commit and history finds alike: the shards of a run cannot agree on a partition
     */
    record RunAll(SelectionMode mode, String reason, boolean failed) implements SelectionBasis {
        public RunAll {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(reason, "reason");
        }

        /** Every test runs for a reason every build of the same commit and history finds alike. */
        public RunAll(SelectionMode mode, String reason) {
            this(mode, reason, false);
        }

        /** Every test runs because something failed (fail open). */
        public static RunAll failure(SelectionMode mode, String reason) {
            return new RunAll(mode, reason, true);
        }

        /** A mode that does not select ({@code all}, {@code off}): the reason is the mode. */
        public static RunAll notSelecting(SelectionMode mode) {
            return new RunAll(mode, "ard.selection=" + mode.id());
        }
    }

    /**
     * The build selects: a precise change set against a base commit, and the history.
     *
     * @param mode       {@code SAFE} or {@code PREDICTIVE}
     * @param changes    the change set (precise)
     * @param history    what the store knows about test classes (may be empty for a what-if question)
     * @param greenBuild the last green build of the branch when it is the base, else {@code null}
     * @param workTree   the git working tree the change paths are relative to
     * @param predictive the model and feature state when {@code predictive} was asked for (ready, or with the reason
     *                   it is not: then {@code mode} is {@code SAFE}), else {@code null}
     */
    record Select(
            SelectionMode mode,
            ChangeSet changes,
            TestHistory history,
            GreenBuild greenBuild,
            Path workTree,
            PredictiveContext predictive)
            implements SelectionBasis {
        public Select {
            Objects.requireNonNull(changes, "changes");
            Objects.requireNonNull(workTree, "workTree");
            history = history == null ? TestHistory.EMPTY : history;
            if (!mode.selects()) {
                throw new IllegalArgumentException("a selecting basis needs a selecting mode, not " + mode);
            }
            if (mode == SelectionMode.PREDICTIVE && (predictive == null || !predictive.ready())) {
                throw new IllegalArgumentException("predictive mode needs a ready model");
            }
        }

        /** Why predictive selection was asked for and could not run (the build selects safely), or {@code null}. */
        public String predictiveNotReady() {
            return predictive == null || predictive.ready() ? null : predictive.notReadyReason();
        }

        /**
         * Why {@code module} must run all its tests although the build as a whole can select: its base is the last
         * green build, and that build did not run this module's tests, so nothing says they passed on the base.
         */
        public String moduleRunAllReason(String module) {
            if (greenBuild != null
                    && ChangeSet.LAST_GREEN.equals(changes.baseSource())
                    && !greenBuild.testedModules().contains(module)) {
                return "its tests did not run in the base build " + ChangeSet.shortSha(greenBuild.commit());
            }
            return null;
        }
    }
}
