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

    @Test
    void theStoreLocationIsAlwaysSecretThoughItsNameIsNot() {
        // a JDBC URL carries its login under any parameter name
        assertThat(List.of("ard.store", "ARD_STORE", "Ard.Store"))
                .allSatisfy(n -> assertThat(SecretNames.looksSecret(n)).as(n).isTrue());
        assertThat(List.of("ard.store.server", "ard.storefront", "my.ard.store"))
                .allSatisfy(n -> assertThat(SecretNames.looksSecret(n)).as(n).isFalse());
    }
}
