package dev.ard.core.selection.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void theThresholdReachesTheTargetRecallOnTheDataItWasTunedOn() {
        Random random = new Random(1);
        int n = 5000;
        double[] scores = new double[n];
        boolean[] failed = new boolean[n];
        boolean[] mustRun = new boolean[n];
        for (int i = 0; i < n; i++) {
            failed[i] = random.nextDouble() < 0.05;
            scores[i] = failed[i] ? 0.3 + 0.7 * random.nextDouble() : 0.6 * random.nextDouble();
        }
        for (double target : new double[] {0.5, 0.9, 0.95, 0.99, 1.0}) {
            Calibration c = Calibration.of(target, scores, failed, mustRun);
            int caught = 0;
            int failing = 0;
            for (int i = 0; i < n; i++) {
                if (failed[i]) {
                    failing++;
                    caught += scores[i] >= c.threshold() ? 1 : 0;
                }
            }
            assertThat((double) caught / failing).as("target %s", target).isGreaterThanOrEqualTo(target);
            assertThat(c.heldOutRecall()).isEqualTo((double) caught / failing);
            assertThat(c.heldOutFailures()).isEqualTo(failing);
        }
        assertThat(Calibration.of(0.5, scores, failed, mustRun).heldOutSelected())
                .isLessThan(Calibration.of(0.99, scores, failed, mustRun).heldOutSelected());
    }

    @Test
    void failuresMustRunCatchesCountTowardsTheTarget() {
        double[] scores = {0.9, 0.1, 0.05, 0.01};
        boolean[] failed = {true, true, false, false};
        boolean[] noneMust = {false, false, false, false};
        assertThat(Calibration.of(1.0, scores, failed, noneMust).threshold()).isEqualTo(0.1);
        boolean[] lowOneMust = {false, true, false, false};
        assertThat(Calibration.of(1.0, scores, failed, lowOneMust).threshold()).isEqualTo(0.9);
        boolean[] bothMust = {true, true, false, false};
        Calibration all = Calibration.of(1.0, scores, failed, bothMust);
        assertThat(all.threshold()).isInfinite();
        assertThat(all.heldOutRecall()).isEqualTo(1.0);
        assertThat(all.heldOutSelected()).isEqualTo(0.5);
    }

    @Test
    void noHeldOutFailureNoCalibration() {
        assertThatThrownBy(() -> Calibration.of(0.99, new double[] {0.1}, new boolean[] {false}, new boolean[] {false}))
                .hasMessageContaining("no failing row");
    }
}
