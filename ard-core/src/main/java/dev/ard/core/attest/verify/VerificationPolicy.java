package dev.ard.core.attest.verify;

import dev.ard.core.attest.model.VerificationException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;

/** Who must have signed a bundle: the holder of a public key, or a certificate identity under a trusted root. */
public sealed interface VerificationPolicy {

    /**
     * The verifier for this policy.
     *
     * @param keyless makes certificate verifiers; the plugin's sigstore-java adapter (core does not load sigstore-java)
     */
    BundleVerifier verifier(KeylessVerifiers keyless) throws VerificationException;

    /**
     * Signed with this key: ARD's own {@link KeyVerifier} (sigstore-java 2.0.0 verifies only certificate bundles).
     *
     * @param trustedRoot a pinned {@code trusted_root.json}: the bundle's transparency-log entry must then verify
     *                    against its Rekor keys too; empty: the key alone decides
     */
    record Key(PublicKey key, Optional<Path> trustedRoot) implements VerificationPolicy {
        public Key {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(trustedRoot, "trustedRoot");
        }

        /** Verified by the key alone. */
        public Key(PublicKey key) {
            this(key, Optional.empty());
        }

        @Override
        public BundleVerifier verifier(KeylessVerifiers keyless) throws VerificationException {
            return trustedRoot.isPresent() ? keyless.withLogEntry(this) : new KeyVerifier(key);
        }
    }

    /**
     * Signed by a Fulcio certificate for this identity and issuer.
     *
     * @param identity    the certificate's SAN (an e-mail or a workflow URI)
     * @param issuer      the OIDC issuer
     * @param regex       match identity and issuer as regular expressions instead of exactly
     * @param trustedRoot a pinned {@code trusted_root.json} (offline); empty: the Sigstore public-good root
     */
    record Identity(String identity, String issuer, boolean regex, Optional<Path> trustedRoot)
            implements VerificationPolicy {
        public Identity {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(trustedRoot, "trustedRoot");
        }

        @Override
        public BundleVerifier verifier(KeylessVerifiers keyless) throws VerificationException {
            return keyless.verifier(this);
        }
    }
}
