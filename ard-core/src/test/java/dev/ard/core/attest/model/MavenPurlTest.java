package dev.ard.core.attest.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Maven package URLs: sorted qualifiers, percent-encoded version. */
class MavenPurlTest {

    @Test
    void purlsSortQualifiersAndEncode() {
        assertThat(MavenPurl.of("org.junit.jupiter", "junit-jupiter", "5.14.1", "jar", null))
                .isEqualTo("pkg:maven/org.junit.jupiter/junit-jupiter@5.14.1?type=jar");
        assertThat(MavenPurl.of("g", "a", "1.0", "test-jar", "tests"))
                .isEqualTo("pkg:maven/g/a@1.0?classifier=tests&type=test-jar");
        assertThat(MavenPurl.of("g", "a", "1.0+build 7", "", "")).isEqualTo("pkg:maven/g/a@1.0%2Bbuild%207?type=jar");
    }
}
