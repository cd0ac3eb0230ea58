package dev.ard.core.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kotlin and Groovy files may live in any directory: the SourceFile fallback (no compiler needed). */
class SourceMapperTest {

    private static ClassNode node(String name, String sourceFile) {
        return new ClassNode(name, 0, sourceFile, null, name.contains("$"), List.of(), List.of(), List.of());
    }

    private final SourceMapper mapper = new SourceMapper(List.of(
            node("com/x/Foo", "Foo.java"),
            node("com/x/Foo$1", "Foo.java"),
            node("com/x/Second", "Foo.java"),
            node("com/x/util/UtilsKt", "Utils.kt"),
            node("com/x/util/Helper", "Utils.kt"),
            node("a/DupKt", "Dup.kt"),
            node("b/DupKt", "Dup.kt"),
            node("com/x/NoDebug", null),
            node("com/x/NoDebug$Inner", null)));

    @Test
    void javaFileMapsToEveryClassOfItsPackageAndSourceFile() {
        assertThat(mapper.map("com/x/Foo.java").classes()).containsExactly("com/x/Foo", "com/x/Foo$1", "com/x/Second");
        assertThat(mapper.map("com/y/Foo.java").classes()).isEmpty(); // java: no fallback to another package
    }

    @Test
    void kotlinFileOutsideItsPackageDirectoryFallsBackToAUniqueSourceFile() {
        assertThat(mapper.map("Utils.kt").classes()).containsExactly("com/x/util/Helper", "com/x/util/UtilsKt");
        assertThat(mapper.map("com/x/util/Utils.kt").classes()).hasSize(2);
        SourceMapper.Mapping dup = mapper.map("Dup.kt");
        assertThat(dup.classes()).isEmpty();
        assertThat(dup.ambiguous()).isTrue();
    }

    @Test
    void classesWithoutSourceFileAreMatchedByTheirTopLevelName() {
        assertThat(mapper.map("com/x/NoDebug.java").classes()).containsExactly("com/x/NoDebug", "com/x/NoDebug$Inner");
    }
}
