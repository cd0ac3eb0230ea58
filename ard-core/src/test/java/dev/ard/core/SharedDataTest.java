package dev.ard.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedDataTest {

    @Test
    void oneRequiresEveryDataSet() {
        assertThat(SharedData.required("history/codec", "1")).isTrue();
        assertThat(SharedData.required("slsa/gha_maven", " 1 ")).isTrue();
    }

    @Test
    void aListRequiresTheNamedDataSetsOnly() {
        String publicSets = "sigstore-conformance,slsa";
        assertThat(SharedData.required("slsa/gha_maven", publicSets)).isTrue();
        assertThat(SharedData.required("sigstore-conformance", publicSets)).isTrue();
        assertThat(SharedData.required("history/codec", publicSets)).isFalse();
        assertThat(SharedData.required("pit/commons-cli", publicSets)).isFalse();
    }

    @Test
    void unsetOrOtherValuesRequireNothing() {
        assertThat(SharedData.required("slsa/gha_maven", null)).isFalse();
        assertThat(SharedData.required("slsa/gha_maven", "")).isFalse();
        assertThat(SharedData.required("slsa/gha_maven", "0")).isFalse();
        assertThat(SharedData.required("slsa/gha_maven", "sls")).isFalse();
    }
}
