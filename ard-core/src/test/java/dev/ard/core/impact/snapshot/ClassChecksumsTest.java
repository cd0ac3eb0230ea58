package dev.ard.core.impact.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.impact.Reactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checksums of class files javac really wrote, before and after an edit. */
class ClassChecksumsTest {

    @TempDir
    Path dir;

    private static final String CALC = """
            package com.x;
            public class Calc {
                public int add(int a, int b) { return a + b; }
                public int twice(int a) { return a * 2; }
            }
            """;

    private static final String CALC_COMMENTED = """
            package com.x;

            /**
             * Adds and doubles. The blank lines and comments move every line number.
             */
            public class Calc {

                // adds
                public int add(int a,
                               int b) {
                    /* the sum */
                    return a + b;
                }

                /** Twice {@code a}. */
                public int twice(int a) { return a * 2; } // doubled
            }
            """;

    /** Jumps backwards and forwards, a switch, a try/catch, a lambda: labels everywhere. */
    private static final String FLOW = """
            package com.x;
            public class Flow {
                public int run(int[] xs, String s) {
                    int sum = 0;
                    for (int x : xs) { if (x > 2) { sum += x; } else { sum -= 1; } }
                    switch (s) { case "a": sum++; break; case "b": sum--; break; default: sum *= 2; }
                    try { sum += Integer.parseInt(s); } catch (NumberFormatException e) { sum = -sum; }
                    java.util.function.IntUnaryOperator f = v -> v * 3;
                    while (sum > 100) { sum = f.applyAsInt(sum) / 7; }
                    return sum;
                }
            }
            """;

    private ClassChecksum checksum(Reactor reactor, String module, String className) throws IOException {
        return ClassChecksums.of(Files.readAllBytes(reactor.classes(module).resolve(className + ".class")));
    }

    private byte[] bytes(Reactor reactor, String module, String className) throws IOException {
        return Files.readAllBytes(reactor.classes(module).resolve(className + ".class"));
    }

    @Test
    void aCommentAndFormattingOnlyEditKeepsEveryChecksum() throws IOException {
        Reactor reactor =
                new Reactor(dir).module("m").main("m", "com/x/Calc.java", CALC).compile();
        byte[] before = bytes(reactor, "m", "com/x/Calc");
        ClassChecksum then = checksum(reactor, "m", "com/x/Calc");

        reactor.main("m", "com/x/Calc.java", CALC_COMMENTED).compile();

        assertThat(bytes(reactor, "m", "com/x/Calc"))
                .as("the line numbers moved, the class file differs")
                .isNotEqualTo(before);
        ClassChecksum now = checksum(reactor, "m", "com/x/Calc");
        assertThat(now).isEqualTo(then);
        assertThat(now.members()).containsOnlyKeys("H", "M <init> ()V", "M add (II)I", "M twice (I)I");
        assertThat(now.major()).isEqualTo(61); // --release 17
    }

    @Test
    void aReformattedMethodWithJumpsKeepsItsChecksumAndAnotherJumpTargetDoesNot() throws IOException {
        Reactor reactor =
                new Reactor(dir).module("m").main("m", "com/x/Flow.java", FLOW).compile();
        ClassChecksum then = checksum(reactor, "m", "com/x/Flow");
        byte[] before = bytes(reactor, "m", "com/x/Flow");

        String spread =
                FLOW.replace("{ ", "{\n\n        // spread out\n        ").replace("; }", ";\n    }\n");
        reactor.main("m", "com/x/Flow.java", "// header\n\n" + spread).compile();
        assertThat(bytes(reactor, "m", "com/x/Flow")).isNotEqualTo(before);
        assertThat(checksum(reactor, "m", "com/x/Flow")).isEqualTo(then);

        reactor.main("m", "com/x/Flow.java", FLOW.replace("while (sum > 100)", "while (sum >= 100)"))
                .compile();
        assertThat(checksum(reactor, "m", "com/x/Flow").members().get("M run ([ILjava/lang/String;)I"))
                .isNotEqualTo(then.members().get("M run ([ILjava/lang/String;)I"));
    }

    @Test
    void aMethodBodyChangeChangesOnlyThatMember() throws IOException {
        Reactor reactor =
                new Reactor(dir).module("m").main("m", "com/x/Calc.java", CALC).compile();
        ClassChecksum then = checksum(reactor, "m", "com/x/Calc");

        reactor.main("m", "com/x/Calc.java", CALC.replace("a * 2", "a + a")).compile();
        ClassChecksum now = checksum(reactor, "m", "com/x/Calc");

        assertThat(now.checksum()).isNotEqualTo(then.checksum());
        List<ClassChange> diff =
                SnapshotDiff.diff(java.util.Map.of(then.name(), then), java.util.Map.of(now.name(), now));
        assertThat(diff).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ClassChange.Kind.CHANGED);
            assertThat(c.members()).containsExactly("M twice (I)I");
            assertThat(c.constantChanged()).isFalse();
        });
    }

    @Test
    void aConstantValueChangeShowsInTheClassThatInlinedIt() throws IOException {
        Reactor reactor = new Reactor(dir)
                .module("a")
                .module("b", "a")
                .main(
                        "a",
                        "com/a/Limits.java",
                        "package com.a; public class Limits { public static final int MAX = 3; }")
                .main("b", "com/b/User.java", """
                        package com.b;
                        public class User {
                            public int max() { return com.a.Limits.MAX; }
                            public int one() { return 1; }
                        }
                        """)
                .compile();
        ClassChecksum limits = checksum(reactor, "a", "com/a/Limits");
        ClassChecksum user = checksum(reactor, "b", "com/b/User");
        assertThat(limits.constants()).containsExactly("F MAX I");

        reactor.main(
                        "a",
                        "com/a/Limits.java",
                        "package com.a; public class Limits { public static final int MAX = 4; }")
                .compile();
        ClassChecksum limitsNow = checksum(reactor, "a", "com/a/Limits");
        ClassChecksum userNow = checksum(reactor, "b", "com/b/User");

        assertThat(SnapshotDiff.diff(
                        java.util.Map.of(limits.name(), limits), java.util.Map.of(limits.name(), limitsNow)))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.members()).containsExactly("F MAX I");
                    assertThat(c.constantChanged()).isTrue();
                });
        // javac inlined 3, now 4: User's bytecode differs although its source did not change
        assertThat(userNow.checksum()).isNotEqualTo(user.checksum());
        assertThat(userNow.members().get("M max ()I"))
                .isNotEqualTo(user.members().get("M max ()I"));
        assertThat(userNow.members().get("M one ()I")).isEqualTo(user.members().get("M one ()I"));
    }

    @Test
    void anUnchangedRecompiledClassIsNoChangeButAnAddedOrRemovedOneIs() throws IOException {
        Reactor reactor =
                new Reactor(dir).module("m").main("m", "com/x/Calc.java", CALC).compile();
        ClassChecksum then = checksum(reactor, "m", "com/x/Calc");
        reactor.compile();
        ClassChecksum now = checksum(reactor, "m", "com/x/Calc");

        assertThat(SnapshotDiff.diff(java.util.Map.of(then.name(), then), java.util.Map.of(now.name(), now)))
                .isEmpty();
        assertThat(SnapshotDiff.diff(java.util.Map.of(), java.util.Map.of(now.name(), now)))
                .extracting(ClassChange::kind)
                .containsExactly(ClassChange.Kind.ADDED);
        assertThat(SnapshotDiff.diff(java.util.Map.of(then.name(), then), java.util.Map.of()))
                .extracting(ClassChange::kind)
                .containsExactly(ClassChange.Kind.REMOVED);
    }

    @Test
    void anAttributeAsmDoesNotKnowMakesTheWholeFileCount() {
        assertThat(ClassChecksums.of(withAttribute((byte) 1)))
                .as("its content is unseen: the file's bytes decide")
                .isNotEqualTo(ClassChecksums.of(withAttribute((byte) 2)));
        assertThat(ClassChecksums.of(withAttribute((byte) 1))).isEqualTo(ClassChecksums.of(withAttribute((byte) 1)));
    }

    /** An empty class carrying a non-standard class attribute (as Scala or other compilers write). */
    private static byte[] withAttribute(byte content) {
        org.objectweb.asm.ClassWriter w = new org.objectweb.asm.ClassWriter(0);
        w.visit(
                org.objectweb.asm.Opcodes.V17,
                org.objectweb.asm.Opcodes.ACC_PUBLIC,
                "com/x/Odd",
                null,
                "java/lang/Object",
                null);
        w.visitAttribute(new org.objectweb.asm.Attribute("OddCompilerData") {
            @Override
            protected org.objectweb.asm.ByteVector write(
                    org.objectweb.asm.ClassWriter cw, byte[] code, int len, int maxStack, int maxLocals) {
                return new org.objectweb.asm.ByteVector().putByte(content);
            }
        });
        w.visitEnd();
        return w.toByteArray();
    }
}
