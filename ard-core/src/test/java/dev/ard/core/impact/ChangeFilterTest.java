package dev.ard.core.impact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeFilterTest {

    @Test
    void antStyleGlobs() {
        ChangeFilter f = ChangeFilter.of("**/*.md, .github/**,docs/?.txt,  ,src/*/x.properties");
        assertThat(f.globs()).containsExactly("**/*.md", ".github/**", "docs/?.txt", "src/*/x.properties");
        assertThat(f.matches("README.md")).isTrue();
        assertThat(f.matches("core/docs/guide.md")).isTrue();
        assertThat(f.matches("core/README.mdx")).isFalse();
        assertThat(f.matches(".github/workflows/ci.yml")).isTrue();
        assertThat(f.matches(".github")).isTrue();
        assertThat(f.matches("x/.github/ci.yml")).isFalse();
        assertThat(f.matches("docs/a.txt")).isTrue();
        assertThat(f.matches("docs/ab.txt")).isFalse();
        assertThat(f.matches("src/main/x.properties")).isTrue();
        assertThat(f.matches("src/main/java/x.properties")).isFalse();
        assertThat(f.matches("./README.md")).isTrue();
        assertThat(f.matches("docs\\a.txt")).isTrue();
    }

    @Test
    void starDoesNotCrossDirectoriesAndRegexCharactersAreLiteral() {
        ChangeFilter f = ChangeFilter.of("*.md,a+b/(x)/**");
        assertThat(f.matches("README.md")).isTrue();
        assertThat(f.matches("core/README.md")).isFalse();
        assertThat(f.matches("a+b/(x)/y")).isTrue();
        assertThat(f.matches("aab/(x)/y")).isFalse();
    }

    @Test
    void emptyFilterMatchesNothing() {
        assertThat(ChangeFilter.of(null).matches("README.md")).isFalse();
        assertThat(ChangeFilter.of("").globs()).isEmpty();
        assertThat(ChangeFilter.none().matches(null)).isFalse();
    }
}
