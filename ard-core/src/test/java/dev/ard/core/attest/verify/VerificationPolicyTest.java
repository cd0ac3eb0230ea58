package dev.ard.core.attest.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.attest.sign.SigningKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A key policy verifies with ARD's key verifier; an identity policy asks the keyless factory (the plugin's sigstore-java adapter). */
class VerificationPolicyTest {

    @Test
    void aKeyNeedsNoKeylessVerifier() throws Exception {
        SigningKey key = SigningKey.generate();
        BundleVerifier verifier = new VerificationPolicy.Key(key.publicKey()).verifier(identity -> {
            throw new AssertionError("not a keyless policy");
        });
        assertThat(verifier).isInstanceOf(KeyVerifier.class);
    }

    @Test
    void anIdentityIsHandedToTheKeylessFactory() throws Exception {
        List<VerificationPolicy.Identity> asked = new ArrayList<>();
        BundleVerifier made = (json, artifact) -> {
            throw new AssertionError("not called");
        };
        var policy = new VerificationPolicy.Identity(
                "me@example.com", "https://issuer.example", false, Optional.of(Path.of("root.json")));
        assertThat(policy.verifier(identity -> {
                    asked.add(identity);
                    return made;
                }))
                .isSameAs(made);
        assertThat(asked).containsExactly(policy);
    }
}
