package dev.ard.core.selection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MustRunRulesTest {

    @Test
    void simpleNamesQualifiedNamesAndDeepGlobs() {
        MustRunRules rules = MustRunRules.of(" *SmokeTest , com.acme.*IT,org.deep.** ");
        assertThat(rules.match("a.b.LoginSmokeTest")).isEqualTo("*SmokeTest");
        assertThat(rules.match("com.acme.DbIT")).isEqualTo("com.acme.*IT");
        assertThat(rules.match("com.acme.sub.DbIT")).isNull();
        assertThat(rules.match("org.deep.a.b.AnyTest")).isEqualTo("org.deep.**");
        assertThat(rules.match("a.b.Other")).isNull();
    }

    @Test
    void emptyMatchesNothing() {
        assertThat(MustRunRules.of(null).match("a.B")).isNull();
        assertThat(MustRunRules.of(" , ").globs()).isEmpty();
    }
}
