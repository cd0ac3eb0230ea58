package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.MojoTiming;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MojoTimerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** Equal by value, like a Maven type that might grow an equals(): the timer must still tell them apart. */
    private record SameLooking(String id) {}

    @Test
    void timesOneExecution() {
        MojoTimer timer = new MojoTimer();
        Object execution = new Object();
        MojoTimer.Mojo mojo = new MojoTimer.Mojo(
                "g:a", "org.apache.maven.plugins:maven-surefire-plugin:3.5.4", "test", "default-test");

        timer.started(execution, mojo, T0);

        assertThat(timer.startOf(execution)).contains(T0);
        assertThat(timer.finished(execution, T0.plusMillis(1500), false))
                .contains(new MojoTiming(
                        "g:a",
                        "org.apache.maven.plugins:maven-surefire-plugin:3.5.4",
                        "test",
                        "default-test",
                        T0,
                        1500,
                        false));
        assertThat(timer.running()).isZero();
        assertThat(timer.finished(execution, T0, true)).isEmpty();
    }

    @Test
    void executionsAreKeptApartByIdentity() {
        MojoTimer timer = new MojoTimer();
        SameLooking first = new SameLooking("x");
        SameLooking second = new SameLooking("x");

        timer.started(first, new MojoTimer.Mojo("g:a", "p", "test", "x"), T0);
        timer.started(second, new MojoTimer.Mojo("g:b", "p", "test", "x"), T0.plusSeconds(1));

        assertThat(timer.finished(second, T0.plusSeconds(3), true))
                .get()
                .extracting(MojoTiming::module, MojoTiming::durationMs)
                .containsExactly("g:b", 2000L);
        assertThat(timer.finished(first, T0.plusSeconds(3), true))
                .get()
                .extracting(MojoTiming::module, MojoTiming::durationMs)
                .containsExactly("g:a", 3000L);
    }

    @Test
    void aClockGoingBackwardsIsNotANegativeDuration() {
        MojoTimer timer = new MojoTimer();
        Object execution = new Object();
        timer.started(execution, new MojoTimer.Mojo("g:a", "p", "g", "e"), T0);

        assertThat(timer.finished(execution, T0.minusSeconds(1), true))
                .get()
                .extracting(MojoTiming::durationMs)
                .isEqualTo(0L);
    }

    @Test
    void manyThreadsAtOnce() throws Exception {
        MojoTimer timer = new MojoTimer();
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String module = "g:m" + t;
            futures.add(pool.submit(() -> {
                go.await();
                int finished = 0;
                for (int i = 0; i < perThread; i++) {
                    Object execution = new Object();
                    timer.started(execution, new MojoTimer.Mojo(module, "p", "g", "e" + i), T0);
                    if (timer.finished(execution, T0.plusMillis(i), true)
                            .filter(m -> m.module().equals(module))
                            .isPresent()) {
                        finished++;
                    }
                }
                return finished;
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> future : futures) {
            total += future.get();
        }
        pool.shutdown();

        assertThat(total).isEqualTo(threads * perThread);
        assertThat(timer.running()).isZero();
    }
}
