package dev.ard.core.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Member-level impact on classes javac compiled: who may call a changed method body, and where it stays class-level. */
class MemberImpactTest {
    private static final Set<String> TESTS = Set.of(
            "com/x/PriceTest",
            "com/x/TaxTest",
            "com/x/ShapeTest",
            "com/x/LambdaTest",
            "com/x/ConcreteTest",
            "com/x/MoneyTest",
            "com/x/ConfigTest",
            "com/x/TaskTest");

    @TempDir
    static Path dir;

    static CallGraph graph;

    @BeforeAll
    static void compile() throws Exception {
        Reactor r = new Reactor(dir.resolve("repo")).module("core");
        r.main("core", "com/x/Price.java", """
                        package com.x;
                        public class Price {
                          public int net() { return 100; }
                          public int gross() { return net() + Tax.of(net()); }
                        }""")
                .main("core", "com/x/Tax.java", """
                        package com.x;
                        public class Tax { static int of(int v) { return v / 5; } static int zero() { return 0; } }""")
                .main("core", "com/x/Shape.java", "package com.x; public interface Shape { double area(); }")
                .main("core", "com/x/Square.java", """
                        package com.x;
                        public class Square implements Shape { public double area() { return 4; } }""")
                .main("core", "com/x/Money.java", """
                        package com.x;
                        public class Money {
                          final int cents; public Money(int c) { cents = c; }
                          @Override public boolean equals(Object o) { return o instanceof Money m && m.cents == cents; }
                          @Override public int hashCode() { return cents; }
                          public int cents() { return cents; }
                        }""")
                .main("core", "com/x/Config.java", """
                        package com.x;
                        public class Config { static final int LIMIT = Tax.zero() + 1; public static int limit() { return LIMIT; } }""")
                .main("core", "com/x/Job.java", """
                        package com.x;
                        public class Job implements Runnable { public void run() { helper(); } void helper() { } }""")
                .main("core", "com/x/Streams.java", """
                        package com.x;
                        import java.util.List;
                        public class Streams {
                          public static List<Integer> doubled(List<Integer> in) { return in.stream().map(Streams::twice).toList(); }
                          static int twice(int v) { return v * 2; }
                        }""")
                .test(
                        "core",
                        "com/x/PriceTest.java",
                        "package com.x; class PriceTest { void t() { new Price().gross(); } }")
                .test("core", "com/x/TaxTest.java", "package com.x; class TaxTest { void t() { Tax.of(5); } }")
                .test("core", "com/x/ShapeTest.java", """
                        package com.x; class ShapeTest { void t() { Shape s = new Square(); s.area(); } }""")
                .test("core", "com/x/LambdaTest.java", """
                        package com.x; class LambdaTest { void t() { Streams.doubled(java.util.List.of(1)); } }""")
                .test("core", "com/x/AbstractPriceTest.java", """
                        package com.x; abstract class AbstractPriceTest { void t() { new Price().net(); } }""")
                .test(
                        "core",
                        "com/x/ConcreteTest.java",
                        "package com.x; class ConcreteTest extends AbstractPriceTest { }")
                .test("core", "com/x/MoneyTest.java", """
                        package com.x; class MoneyTest { void t() { new Money(1).cents(); } }""")
                .test(
                        "core",
                        "com/x/ConfigTest.java",
                        "package com.x; class ConfigTest { void t() { Config.limit(); } }")
                .test(
                        "core",
                        "com/x/TaskTest.java",
                        "package com.x; class TaskTest { void t() { new Thread(new Job()); } }")
                .compile();
        graph = CallGraph.ofDirs(List.of(r.classes("core"), r.testClasses("core")));
    }

    @Test
    void aBodyChangeSelectsOnlyTheTestsThatMayCallIt() {
        MemberImpact.Result r = MemberImpact.of(graph, Map.of("com/x/Tax", Set.of("of(I)I")), TESTS);
        assertThat(r.tests()).containsOnlyKeys("com/x/PriceTest", "com/x/TaxTest");
        assertThat(r.tests().get("com/x/PriceTest"))
                .containsExactly("com.x.PriceTest.t", "com.x.Price.gross", "com.x.Tax.of");
        assertThat(r.classLevel()).isEmpty();
    }

    @Test
    void virtualCallsReachOverridesAndInheritedTestMethodsCount() {
        MemberImpact.Result area = MemberImpact.of(graph, Map.of("com/x/Square", Set.of("area()D")), TESTS);
        assertThat(area.tests()).containsOnlyKeys("com/x/ShapeTest");
        MemberImpact.Result net = MemberImpact.of(graph, Map.of("com/x/Price", Set.of("net()I")), TESTS);
        // gross() calls net(): PriceTest; AbstractPriceTest calls it and ConcreteTest inherits that method
        assertThat(net.tests()).containsOnlyKeys("com/x/PriceTest", "com/x/ConcreteTest");
    }

    @Test
    void methodReferencesAreCalls() {
        MemberImpact.Result r = MemberImpact.of(graph, Map.of("com/x/Streams", Set.of("twice(I)I")), TESTS);
        assertThat(r.tests()).containsOnlyKeys("com/x/LambdaTest");
    }

    @Test
    void anOverrideOfAnOutsideMethodStaysClassLevel() {
        MemberImpact.Result r =
                MemberImpact.of(graph, Map.of("com/x/Money", Set.of("equals(Ljava/lang/Object;)Z", "cents()I")), TESTS);
        assertThat(r.classLevel()).containsKey("com/x/Money");
        assertThat(r.classLevel().get("com/x/Money")).contains("java.lang.Object");
        // Runnable.run is called by the JDK; helper() is called by run(), so its change is class-level too
        MemberImpact.Result job = MemberImpact.of(graph, Map.of("com/x/Job", Set.of("helper()V")), TESTS);
        assertThat(job.classLevel()).containsKey("com/x/Job");
        assertThat(job.classLevel().get("com/x/Job")).contains("java.lang.Runnable");
    }

    @Test
    void aMethodAStaticInitializerMayCallStaysClassLevelForThatClass() {
        MemberImpact.Result r = MemberImpact.of(graph, Map.of("com/x/Tax", Set.of("zero()I")), TESTS);
        assertThat(r.classLevel()).containsKey("com/x/Config");
        assertThat(r.tests()).isEmpty();
    }

    @Test
    void aClassNamedByAStringMayBeCalledByReflectionSoItStaysClassLevel() {
        MemberImpact.Result r =
                MemberImpact.of(graph, Map.of("com/x/Tax", Set.of("of(I)I")), TESTS, Set.of("com/x/Price"));
        assertThat(r.classLevel()).containsKey("com/x/Price");
        assertThat(r.classLevel().get("com/x/Price")).contains("reflection");
        assertThat(r.tests()).containsKeys("com/x/TaxTest", "com/x/PriceTest");
    }

    @Test
    void ownMethodsOfAPlainClassAreNotEscalated() {
        assertThat(MemberImpact.escalation(graph, new CallGraph.Method("com/x/Price", "net()I")))
                .isNull();
        assertThat(MemberImpact.escalation(graph, new CallGraph.Method("com/x/Money", "hashCode()I")))
                .contains("overrides");
        assertThat(MemberImpact.escalation(graph, new CallGraph.Method("com/x/Config", "<clinit>()V")))
                .contains("static initializer");
    }
}
