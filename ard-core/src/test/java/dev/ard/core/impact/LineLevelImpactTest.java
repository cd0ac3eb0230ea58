package dev.ard.core.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code path:from-to} entries through {@link ImpactAnalyzer}: a change inside one method body selects the tests that
 * may call it, across modules, with the method path as the reason; a line outside every body, or an override of an
 * outside method, stays class-level.
 */
class LineLevelImpactTest {
    @TempDir
    static Path dir;

    static Reactor reactor;

    private static final String CALC = """
            package com.x;
            public class Calc {
              private final int base = 10;

              public int add(int a) {
                int sum = base + a;
                // a comment inside the body
                return sum;
              }

              public int twice(int a) {
                return 2 * a;
              }

              @Override
              public String toString() {
                return "Calc";
              }
            }
            """;

    @BeforeAll
    static void compile() {
        reactor = new Reactor(dir.resolve("repo")).module("core").module("app", "core");
        reactor.main("core", "com/x/Calc.java", CALC)
                .test("core", "com/x/AddTest.java", "package com.x; class AddTest { void t() { new Calc().add(1); } }")
                .test(
                        "core",
                        "com/x/TwiceTest.java",
                        "package com.x; class TwiceTest { void t() { new Calc().twice(1); } }")
                .main("app", "com/y/Report.java", """
                        package com.y;
                        public class Report { public int total() { return new com.x.Calc().add(2); } }""")
                .test(
                        "app",
                        "com/y/ReportTest.java",
                        "package com.y; class ReportTest { void t() { new Report().total(); } }")
                .test("app", "com/y/NameTest.java", """
                        package com.y; class NameTest { void t() { String.valueOf(new com.x.Calc()); } }""")
                .compile();
    }

    private static Map<String, ModuleImpact> analyze(String... changed) {
        return new ImpactAnalyzer(null)
                .analyze(dir.resolve("repo"), reactor.modules(), List.of(changed), ChangeFilter.none())
                .modules();
    }

    private static TreeSet<String> selected(Map<String, ModuleImpact> impact) {
        TreeSet<String> out = new TreeSet<>();
        impact.values().forEach(m -> out.addAll(m.affected().keySet()));
        return out;
    }

    @Test
    void aBodyLineSelectsTheCallersAcrossModulesWithTheMethodPath() {
        Map<String, ModuleImpact> impact = analyze("core/src/main/java/com/x/Calc.java:6");
        assertThat(selected(impact)).containsExactly("com.x.AddTest", "com.y.ReportTest");
        Reason r = impact.get("app").affected().get("com.y.ReportTest");
        assertThat(r.via()).containsExactly("com.y.ReportTest.t", "com.y.Report.total", "com.x.Calc.add");
        assertThat(r.describe()).startsWith("calls com.x.Calc.add (changed: core/src/main/java/com/x/Calc.java)");
        // a comment line inside the same body belongs to it
        assertThat(selected(analyze("core/src/main/java/com/x/Calc.java:7")))
                .containsExactly("com.x.AddTest", "com.y.ReportTest");
        assertThat(selected(analyze("core/src/main/java/com/x/Calc.java:12"))).containsExactly("com.x.TwiceTest");
    }

    @Test
    void aLineOutsideEveryBodyIsAClassLevelChange() {
        // line 10 is blank between two methods, line 15 the @Override annotation, line 2 the class declaration
        for (String line : new String[] {"10", "15", "2"}) {
            assertThat(selected(analyze("core/src/main/java/com/x/Calc.java:" + line)))
                    .as("line %s", line)
                    .containsExactly("com.x.AddTest", "com.x.TwiceTest", "com.y.NameTest", "com.y.ReportTest");
        }
    }

    @Test
    void theFieldInitializerIsAConstructorBody() {
        // line 3 initializes base in every constructor: every test that creates a Calc
        assertThat(selected(analyze("core/src/main/java/com/x/Calc.java:3")))
                .containsExactly("com.x.AddTest", "com.x.TwiceTest", "com.y.NameTest", "com.y.ReportTest");
    }

    @Test
    void anOverrideOfAnOutsideMethodReachesEveryTestThatReachesTheClass() {
        Map<String, ModuleImpact> impact = analyze("core/src/main/java/com/x/Calc.java:17");
        assertThat(selected(impact))
                .containsExactly("com.x.AddTest", "com.x.TwiceTest", "com.y.NameTest", "com.y.ReportTest");
        assertThat(impact.get("app").affected().get("com.y.NameTest").via()).isEmpty();
    }

    @Test
    void aWholeFileEntryStaysClassLevelAndMalformedRangesAreFilesNamedSo() throws Exception {
        assertThat(selected(analyze("core/src/main/java/com/x/Calc.java")))
                .containsExactly("com.x.AddTest", "com.x.TwiceTest", "com.y.NameTest", "com.y.ReportTest");
        assertThat(Files.exists(dir.resolve("repo/core/src/main/java/com/x/Calc.java")))
                .isTrue();
    }

    @Test
    void oneAnalyzerReusesAnUnchangedDirectorysCallsButNeverStaleOnes(@TempDir Path own) {
        Reactor r = new Reactor(own.resolve("repo")).module("core").module("app", "core");
        r.main("core", "com/x/Calc.java", CALC)
                .test("core", "com/x/AddTest.java", "package com.x; class AddTest { void t() { new Calc().add(1); } }")
                .main("app", "com/y/Report.java", """
                        package com.y;
                        public class Report { public int total() { return new com.x.Calc().add(2); } }""")
                .test(
                        "app",
                        "com/y/ReportTest.java",
                        "package com.y; class ReportTest { void t() { new Report().total(); } }")
                .compile();
        ImpactAnalyzer analyzer = new ImpactAnalyzer(null);
        List<String> change = List.of("core/src/main/java/com/x/Calc.java:6");
        TreeSet<String> first = selected(analyzer.analyze(own.resolve("repo"), r.modules(), change, ChangeFilter.none())
                .modules());
        assertThat(first).containsExactly("com.x.AddTest", "com.y.ReportTest");
        assertThat(selected(analyzer.analyze(own.resolve("repo"), r.modules(), change, ChangeFilter.none())
                        .modules()))
                .isEqualTo(first);
        // Report no longer calls add(): its directory's checksums differ, so its calls are read again
        r.main("app", "com/y/Report.java", """
                        package com.y;
                        public class Report { public int total() { return new com.x.Calc().twice(2); } }""").compile();
        assertThat(selected(analyzer.analyze(own.resolve("repo"), r.modules(), change, ChangeFilter.none())
                        .modules()))
                .containsExactly("com.x.AddTest");
    }

    @Test
    void lineSpansSkipOtherMethodsBetweenAFieldInitializerAndItsConstructor() throws Exception {
        Map<String, List<String>> methods =
                LineSpans.methods(reactor.classes("core"), List.of("com/x/Calc"), List.of(new LineSpans.Range(12, 12)));
        assertThat(methods).containsExactly(Map.entry("com/x/Calc", List.of("twice(I)I")));
    }

    @Test
    void aRangeWhoseEndsNoOneMethodHoldsIsAClassLevelChange() throws Exception {
        Path classes = reactor.classes("core");
        // a deletion between the end of add and the start of twice is named by the lines around it: what lay between
        // them (a method? a field?) is unknown, so the class changed as a whole
        assertThat(LineSpans.methods(classes, List.of("com/x/Calc"), List.of(new LineSpans.Range(8, 12))))
                .isNull();
        assertThat(LineSpans.methods(classes, List.of("com/x/Calc"), List.of(new LineSpans.Range(6, 8))))
                .containsExactly(Map.entry("com/x/Calc", List.of("add(I)I")));
    }

    @Test
    void memberLevelNeverSelectsMoreThanClassLevel(@TempDir Path own) {
        // Value.get changes; Value.equals calls it, and class-hierarchy analysis sends Token.equals's call of
        // Object.equals there too; Token.equals overrides Object.equals, so the walk sends Token to class level. But
        // TokenTest does not depend on Value at all: class level would not run it, so member level does not either.
        Reactor r = new Reactor(own.resolve("repo")).module("core");
        r.main("core", "com/v/Value.java", """
                        package com.v;
                        public class Value {
                          public int get() {
                            return 1;
                          }

                          @Override
                          public boolean equals(Object o) {
                            return o instanceof Value && ((Value) o).get() == get();
                          }

                          @Override
                          public int hashCode() {
                            return 1;
                          }
                        }
                        """)
                .main("core", "com/v/Token.java", """
                        package com.v;
                        public class Token {
                          private final Object key = "k";

                          @Override
                          public boolean equals(Object o) {
                            return o instanceof Token && key.equals(((Token) o).key);
                          }

                          @Override
                          public int hashCode() {
                            return 2;
                          }
                        }
                        """)
                .test(
                        "core",
                        "com/v/ValueTest.java",
                        "package com.v; class ValueTest { void t() { new Value().get(); } }")
                .test(
                        "core",
                        "com/v/TokenTest.java",
                        "package com.v; class TokenTest { void t() { new Token().equals(null); } }")
                .compile();
        Map<String, ModuleImpact> impact = new ImpactAnalyzer(null)
                .analyze(
                        own.resolve("repo"),
                        r.modules(),
                        List.of("core/src/main/java/com/v/Value.java:4"),
                        ChangeFilter.none())
                .modules();

        assertThat(selected(impact)).containsExactly("com.v.ValueTest");
        assertThat(selected(new ImpactAnalyzer(null)
                        .analyze(
                                own.resolve("repo"),
                                r.modules(),
                                List.of("core/src/main/java/com/v/Value.java"),
                                ChangeFilter.none())
                        .modules()))
                .containsExactly("com.v.ValueTest");
    }
}
