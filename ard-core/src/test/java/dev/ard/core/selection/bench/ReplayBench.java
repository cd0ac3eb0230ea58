package dev.ard.core.selection.bench;

import dev.ard.core.selection.history.Histories;
import dev.ard.core.selection.replay.EvaluationReport;
import dev.ard.core.selection.replay.ReplayConfig;
import dev.ard.core.selection.replay.ReplayEvaluator;
import java.nio.file.Path;

/**
 * The {@code ard:evaluate} table for history folders, without Maven (not a test): what BENCHMARKS "Predictive" reports.
 *
 * <pre>
 * ./mvnw -B -ntp -o -q -pl ard-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp ard-core/target/test-classes:ard-core/target/classes:$(cat ard-core/target/cp.txt) \
 *      dev.ard.core.selection.bench.ReplayBench ../shared/data/history/codec
 * </pre>
 */
public final class ReplayBench {

    private ReplayBench() {}

    public static void main(String[] args) throws Exception {
        for (String dir : args) {
            var history = Histories.read(Path.of(dir));
            EvaluationReport.table(new ReplayEvaluator(ReplayConfig.DEFAULT).evaluate(history))
                    .forEach(System.out::println);
            System.out.println();
        }
    }
}
