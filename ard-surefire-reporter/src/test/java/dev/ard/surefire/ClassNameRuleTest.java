package dev.ard.surefire;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.plugin.surefire.report.ReportEntryType;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.api.report.RunMode;
import org.junit.jupiter.api.Test;

class ClassNameRuleTest {
    private static final WrappedReportEntry PLAIN =
            Entries.entry(RunMode.NORMAL_RUN, "com.x.FooTest", null, "t", ReportEntryType.SUCCESS, 1, null);
    private static final WrappedReportEntry WITH_TEXT =
            Entries.entry(RunMode.NORMAL_RUN, "com.x.FooTest", "Foo tests", "t", ReportEntryType.SUCCESS, 1, null);

    @Test
    void theSurefireOnTheTestClassPathIsRecognisedByItsVersion() {
        // The module compiles and tests against 3.5.4: sourceText wins, no qualified names yet.
        assertThat(ClassNameRule.detect(WrappedReportEntry.class)).isEqualTo(ClassNameRule.SOURCE_TEXT_FIRST);
    }

    @Test
    void surefire36IsRecognisedByItsPublicQualifiedNameMethod() {
        assertThat(ClassNameRule.detect(With36Api.class)).isEqualTo(ClassNameRule.QUALIFIED_NAME);
    }

    @Test
    void versionsBefore354UseTheSourceName() {
        assertThat(ClassNameRule.forPre36Version("3.2.5")).isEqualTo(ClassNameRule.SOURCE_NAME);
        assertThat(ClassNameRule.forPre36Version("3.5.3")).isEqualTo(ClassNameRule.SOURCE_NAME);
        assertThat(ClassNameRule.forPre36Version("3.0.0-M7")).isEqualTo(ClassNameRule.SOURCE_NAME);
        assertThat(ClassNameRule.forPre36Version("3.5.4")).isEqualTo(ClassNameRule.SOURCE_TEXT_FIRST);
        assertThat(ClassNameRule.forPre36Version("3.5.6-SNAPSHOT")).isEqualTo(ClassNameRule.SOURCE_TEXT_FIRST);
        assertThat(ClassNameRule.forPre36Version(null)).isEqualTo(ClassNameRule.SOURCE_TEXT_FIRST);
        assertThat(ClassNameRule.forPre36Version("unknown")).isEqualTo(ClassNameRule.SOURCE_TEXT_FIRST);
    }

    @Test
    void parsesVersionNumbers() {
        assertThat(ClassNameRule.parseVersion("3.6.0-M1")).containsExactly(3, 6, 0);
        assertThat(ClassNameRule.parseVersion("3.5")).containsExactly(3, 5, 0);
        assertThat(ClassNameRule.parseVersion("x.y")).isNull();
    }

    @Test
    void sourceNameRuleAppendsTheSuffixAndIgnoresTheText() {
        assertThat(ClassNameRule.SOURCE_NAME.className(WITH_TEXT, null, null)).isEqualTo("com.x.FooTest");
        assertThat(ClassNameRule.SOURCE_NAME.className(WITH_TEXT, "it", null)).isEqualTo("com.x.FooTest(it)");
        assertThat(ClassNameRule.SOURCE_NAME.className(PLAIN, " ", null)).isEqualTo("com.x.FooTest");
    }

    @Test
    void sourceTextRulePrefersTheTextWithoutSuffix() {
        assertThat(ClassNameRule.SOURCE_TEXT_FIRST.className(WITH_TEXT, "it", null))
                .isEqualTo("Foo tests");
        assertThat(ClassNameRule.SOURCE_TEXT_FIRST.className(PLAIN, "it", null)).isEqualTo("com.x.FooTest(it)");
    }

    @Test
    void qualifiedNameRuleAppendsTheSuffixToWhatSurefireReturns() throws Exception {
        var method = Object.class.getMethod("toString");
        WrappedReportEntry entry = WITH_TEXT;
        assertThat(ClassNameRule.QUALIFIED_NAME.className(entry, "it", method)).isEqualTo(entry + "(it)");
    }

    /** Stands in for Surefire 3.6's WrappedReportEntry, which has this public method. */
    static final class With36Api {
        public String getSourceQualifiedName() {
            return "q";
        }
    }
}
