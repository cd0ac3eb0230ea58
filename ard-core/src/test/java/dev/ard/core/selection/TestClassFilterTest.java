package dev.ard.core.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestClassFilterTest {

    private static final TestClassFilter SUREFIRE_DEFAULTS =
            new TestClassFilter(TestClassFilter.SUREFIRE_INCLUDES, List.of(TestClassFilter.DEFAULT_EXCLUDE));

    @Test
    void surefireDefaultsTakeTestClassesOnly() {
        assertThat(SUREFIRE_DEFAULTS.accepts("com.x.FooTest")).isTrue();
        assertThat(SUREFIRE_DEFAULTS.accepts("com.x.TestFoo")).isTrue();
        assertThat(SUREFIRE_DEFAULTS.accepts("com.x.FooTests")).isTrue();
        assertThat(SUREFIRE_DEFAULTS.accepts("com.x.FooTestCase")).isTrue();
        assertThat(SUREFIRE_DEFAULTS.accepts("FooTest")).isTrue();
        assertThat(SUREFIRE_DEFAULTS.accepts("com.x.FooIT")).isFalse();
        assertThat(SUREFIRE_DEFAULTS.accepts("com.x.Helper")).isFalse();
    }

    @Test
    void failsafeDefaultsTakeIntegrationTests() {
        TestClassFilter failsafe =
                new TestClassFilter(TestClassFilter.FAILSAFE_INCLUDES, List.of(TestClassFilter.DEFAULT_EXCLUDE));
        assertThat(failsafe.accepts("com.x.FooIT")).isTrue();
        assertThat(failsafe.accepts("com.x.ITFoo")).isTrue();
        assertThat(failsafe.accepts("com.x.FooITCase")).isTrue();
        assertThat(failsafe.accepts("com.x.FooTest")).isFalse();
    }

    @Test
    void userPatternsInEverySurefireSpelling() {
        TestClassFilter filter = new TestClassFilter(
                List.of("com.x.Special*", "**/Check*.java", "org/y/Exact.class"), List.of("com.x.SpecialSlow*"));
        assertThat(filter.accepts("com.x.SpecialOne")).isTrue();
        assertThat(filter.accepts("com.x.SpecialSlowOne")).isFalse();
        assertThat(filter.accepts("a.b.CheckThis")).isTrue();
        assertThat(filter.accepts("org.y.Exact")).isTrue();
        assertThat(filter.accepts("org.y.Exactly")).isFalse();
        assertThat(filter.accepts("com.z.Other")).isFalse();
    }

    @Test
    void patternsItCannotReadKeepEveryClassACandidate() {
        TestClassFilter regex = new TestClassFilter(List.of("%regex[.*Spec]"), List.of());
        assertThat(regex.accepts("com.x.Anything")).isTrue();
    }
}
