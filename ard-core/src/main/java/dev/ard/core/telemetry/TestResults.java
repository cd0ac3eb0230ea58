package dev.ard.core.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds test attempts (several per method with reruns) into one {@link TestResult} per method.
 *
 * <p>The rules are those Surefire's XML report writer ({@code StatelessXmlReporter}, 3.2–3.5) applies
 * to the runs of one method, so a result made from ARD's reporter file and one made from the
 * {@code TEST-*.xml} of the same run are identical:
 * <ul>
 *   <li>an error in any run → {@link Outcome#ERROR}, else a failure in any run → {@link Outcome#FAILED}
 *       — unless some run succeeded: then {@link Outcome#PASSED} and flaky;</li>
 *   <li>no failure or error but a success → PASSED; only skips → {@link Outcome#SKIPPED}.</li>
 * </ul>
 * Surefire only calls such a mix a flake when {@code rerunFailingTestsCount > 0}; without reruns a
 * method runs once, unless two tests share a name, and then "failed, then passed" is still the most
 * useful reading.
 *
 * <p>The duration is the one Surefire writes as the {@code testcase time}, because that is all the
 * XML path can know: the first run of a failed/erred/skipped method, the first successful run of a
 * flaky one, every successful run of a passed one (each has its own {@code testcase} element).
 * {@link AttemptsFile} already rounds each attempt the way the XML's float seconds round it.
 */
public final class TestResults {
    private TestResults() {}

    /**
     * Groups attempts by class and method, in first-seen order, and decides each method's outcome:
     * passed on the last attempt after earlier failures → PASSED and flaky; every attempt failed →
     * FAILED/ERROR with {@code reruns = attempts - 1}; skipped → SKIPPED.
     *
     * <p>{@code failureType} and {@code failureFingerprint} describe the last failing attempt of a
     * failed, erred or flaky method (flaky tests are exactly the ones whose failures matter), and are
     * {@code null} for a method that passed without failing or was skipped.
     */
    public static List<TestResult> aggregate(
            String module, String plugin, String executionId, List<TestAttempt> attempts) {
        Map<MethodKey, List<TestAttempt>> byMethod = new LinkedHashMap<>();
        for (TestAttempt attempt : attempts) {
            byMethod.computeIfAbsent(new MethodKey(attempt.className(), attempt.methodName()), k -> new ArrayList<>())
                    .add(attempt);
        }
        List<TestResult> results = new ArrayList<>(byMethod.size());
        for (Map.Entry<MethodKey, List<TestAttempt>> entry : byMethod.entrySet()) {
            results.add(fold(module, plugin, executionId, entry.getKey(), entry.getValue()));
        }
        return List.copyOf(results);
    }

    private static TestResult fold(
            String module, String plugin, String executionId, MethodKey key, List<TestAttempt> runs) {
        boolean seenSuccess = false;
        boolean seenFailure = false;
        boolean seenError = false;
        int successes = 0;
        for (TestAttempt run : runs) {
            switch (run.kind()) {
                case SUCCESS -> {
                    seenSuccess = true;
                    successes++;
                }
                case FAILURE -> seenFailure = true;
                case ERROR -> seenError = true;
                case SKIPPED -> {}
            }
        }

        Outcome outcome;
        boolean flaky = false;
        int reruns;
        long durationMs;
        TestAttempt failing = null;
        if ((seenFailure || seenError) && seenSuccess) {
            outcome = Outcome.PASSED;
            flaky = true;
            reruns = runs.size() - 1;
            durationMs = millis(firstOfKind(runs, AttemptKind.SUCCESS));
            failing = lastFailing(runs, null);
        } else if (seenFailure || seenError) {
            outcome = seenError ? Outcome.ERROR : Outcome.FAILED;
            reruns = runs.size() - 1;
            durationMs = millis(runs.get(0));
            failing = lastFailing(runs, seenError ? AttemptKind.ERROR : AttemptKind.FAILURE);
        } else if (seenSuccess) {
            outcome = Outcome.PASSED;
            // Surefire writes only the successful runs of a passed method; skips beside them vanish.
            reruns = successes - 1;
            durationMs = 0;
            for (TestAttempt run : runs) {
                if (run.kind() == AttemptKind.SUCCESS) {
                    durationMs += millis(run);
                }
            }
        } else {
            outcome = Outcome.SKIPPED;
            reruns = 0; // Surefire writes the first skip only; skipped tests are never rerun
            durationMs = millis(runs.get(0));
        }

        String failureType = failing == null ? null : failing.failureType();
        String fingerprint =
                failing == null ? null : FailureFingerprint.of(failing.failureType(), failing.stackTrace());
        return new TestResult(
                module,
                plugin,
                executionId,
                key.className(),
                key.methodName(),
                durationMs,
                outcome,
                reruns,
                flaky,
                failureType,
                fingerprint);
    }

    private static TestAttempt firstOfKind(List<TestAttempt> runs, AttemptKind kind) {
        for (TestAttempt run : runs) {
            if (run.kind() == kind) {
                return run;
            }
        }
        throw new IllegalStateException("no " + kind + " attempt");
    }

    /** The last FAILURE or ERROR attempt, or the last attempt of {@code kind} when given. */
    private static TestAttempt lastFailing(List<TestAttempt> runs, AttemptKind kind) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            AttemptKind k = runs.get(i).kind();
            boolean failed = k == AttemptKind.FAILURE || k == AttemptKind.ERROR;
            if (kind == null ? failed : k == kind) {
                return runs.get(i);
            }
        }
        return null;
    }

    private static long millis(TestAttempt run) {
        return Math.max(0, run.durationMs());
    }

    private record MethodKey(String className, String methodName) {}
}
