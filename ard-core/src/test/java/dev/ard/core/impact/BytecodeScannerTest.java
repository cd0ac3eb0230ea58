package dev.ard.core.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;

/** What one class file yields, on javac output. */
class BytecodeScannerTest {

    @TempDir
    static Path dir;

    static Reactor reactor;

    @BeforeAll
    static void compile() {
        reactor = new Reactor(dir)
                .module("m")
                .main("m", "p/Types.java", """
                        package p;
                        import java.lang.annotation.*;
                        public class Types {
                            public enum Level { LOW, HIGH }
                            @Retention(RetentionPolicy.RUNTIME) public @interface Tag { Level level(); Class<?>[] types() default {}; }
                            public static class Lambda { public static String name(Object o) { return "x"; } }
                            public static class Ref { }
                            public static class Local { }
                            public static class InArray { }
                            public static class Thrown extends RuntimeException { }
                        }
                        """)
                .main("m", "p/Limits.java", "package p; public class Limits { public static final int LIMIT = 3; }")
                .main("m", "p/Shape.java", "package p; public sealed interface Shape permits Circle { }")
                .main(
                        "m",
                        "p/Circle.java",
                        "package p; public record Circle(java.util.List<Types.Ref> refs) implements Shape { }")
                .main("m", "p/User.java", """
                        package p;
                        import java.util.function.Function;
                        @Types.Tag(level = Types.Level.HIGH)
                        public class User {
                            int limit() { return Limits.LIMIT; }
                            Function<Object, String> f() { return Types.Lambda::name; }
                            Object arrays() { return new Types.InArray[2][3]; }
                            void local() { Types.Local unused = null; } // no trace without -g:vars
                            void guarded() { try { limit(); } catch (Types.Thrown e) { } }
                            String name() { return "p.Types$Ref"; }
                            Runnable anonymous() { return new Runnable() { public void run() { } }; }
                        }
                        """)
                .compile();
    }

    private static ClassNode scan(String name) throws IOException {
        return BytecodeScanner.scan(Files.readAllBytes(reactor.classes("m").resolve(name + ".class")));
    }

    @Test
    void collectsEveryKindOfReference() throws IOException {
        ClassNode user = scan("p/User");
        assertThat(user.name()).isEqualTo("p/User");
        assertThat(user.sourceFile()).isEqualTo("User.java");
        assertThat(user.nested()).isFalse();
        assertThat(user.refs())
                .contains(
                        "p/Types$Tag",
                        "p/Types$Level",
                        "p/Types$Lambda",
                        "p/Types$InArray",
                        "p/Types$Thrown",
                        "p/User$1",
                        "java/lang/Runnable")
                .doesNotContain("p/User", "p/Limits");
        assertThat(user.constantOwners()).containsExactly("p/Limits");
        assertThat(user.strings()).containsExactly("p/Types$Ref");
    }

    @Test
    void recordsSealedTypesAndNesting() throws IOException {
        assertThat(scan("p/Circle").refs()).contains("p/Shape", "p/Types$Ref", "java/util/List", "java/lang/Record");
        assertThat(scan("p/Shape").refs()).contains("p/Circle");
        assertThat(scan("p/Shape").access() & Opcodes.ACC_INTERFACE).isNotZero();
        ClassNode anonymous = scan("p/User$1");
        assertThat(anonymous.nested()).isTrue();
        assertThat(anonymous.outer()).isEqualTo("p/User");
        ClassNode member = scan("p/Types$Level");
        assertThat(member.nested()).isTrue();
        assertThat(member.outer()).isEqualTo("p/Types");
        assertThat(scan("p/Types").refs()).contains("p/Types$Level", "p/Types$Thrown");
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> BytecodeScanner.scan(new byte[] {1, 2, 3})).isInstanceOf(RuntimeException.class);
    }
}
