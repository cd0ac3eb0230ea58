package dev.ard.core.selection;

import dev.ard.core.git.ChangeSet;
import dev.ard.core.selection.predictive.PredictiveContext;
import dev.ard.core.telemetry.GreenBuild;
import dev.ard.core.telemetry.TestHistory;
import java.nio.file.Path;
import java.util.Set;

/**
 * What a build's selection starts from, resolved once per build: the mode in effect, the change set, the history.
 *
 * @param mode          the mode in effect for this build ({@code ALL} on a full branch in {@code auto})
 * @param changes       the change set, or {@code null} when none was needed or it could not be read
 * @param history       what the store knows about test classes ({@link TestHistory#EMPTY} when unreadable)
 * @param greenBuild    the last green build of the branch when it is the base, else {@code null}
 * @param runAllReason  non-null when every test of every module must run, one line
 * @param workTree      the git working tree the change paths are relative to, or {@code null}
 * @param predictive    the model and feature state when {@code predictive} was asked for (ready or, with the reason,
 *                      not: then {@code mode} is {@code SAFE}), else {@code null}
 */
public record SelectionBasis(
        SelectionMode mode, ChangeSet changes, TestHistory history, GreenBuild greenBuild, String runAllReason, Path workTree,
        PredictiveContext predictive) {

    /** A basis without predictive selection. */
    public SelectionBasis(SelectionMode mode, ChangeSet changes, TestHistory history, GreenBuild greenBuild, String runAllReason, Path workTree) {
        this(mode, changes, history, greenBuild, runAllReason, workTree, null);
    }

    public static SelectionBasis all(SelectionMode mode, String reason) {
        return new SelectionBasis(mode, null, TestHistory.EMPTY, null, reason, null);
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
        if (runAllReason != null) {
            return runAllReason;
        }
        if (greenBuild != null && changes != null && ChangeSet.LAST_GREEN.equals(changes.baseSource())) {
            Set<String> tested = greenBuild.testedModules();
            if (!tested.contains(module)) {
                return "its tests did not run in the base build " + ChangeSet.shortSha(greenBuild.commit());
            }
        }
        return null;
    }
}
