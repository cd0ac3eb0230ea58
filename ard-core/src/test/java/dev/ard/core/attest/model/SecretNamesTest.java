package dev.ard.core.attest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Property names that look secret never go into provenance. */
class SecretNamesTest {

    @Test
    void secretLookingNames() {
        assertThat(List.of(
                        "my.password",
                        "api.token",
                        "GPG_PASSPHRASE",
                        "aws.secretAccessKey",
                        "signing.key",
                        "ssh.KeyFile",
                        "repo.credentials",
                        "proxy.auth",
                        "db.pwd",
                        "private.repo"))
                .allSatisfy(n -> assertThat(SecretNames.looksSecret(n)).as(n).isTrue());
        assertThat(List.of("revision", "skipTests", "maven.test.skip", "ard.selection", "changelist"))
                .allSatisfy(n -> assertThat(SecretNames.looksSecret(n)).as(n).isFalse());
    }
}
