package dev.ard.core.trust;

import dev.ard.core.attest.sign.PublicKeys;
import java.security.PublicKey;
import java.util.Objects;
import java.util.regex.Pattern;

/** One signer a {@link TrustRule} accepts. */
public sealed interface SignerRule {
    /** True when this rule accepts a signer whose signature verified. */
    boolean accepts(Signer signer);

    /** A certificate for exactly this identity from exactly this issuer. */
    record Identity(String issuer, String identity) implements SignerRule {
        public Identity {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(identity, "identity");
        }

        @Override
        public boolean accepts(Signer s) {
            return !s.isKey() && issuer.equals(s.issuer()) && identity.equals(s.identity());
        }

        @Override
        public String toString() {
            return "keyless " + issuer + " " + identity;
        }
    }

    /** A certificate from exactly this issuer whose identity matches the regular expression as a whole (anchored). */
    record IdentityRegex(String issuer, Pattern identity) implements SignerRule {
        public IdentityRegex {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(identity, "identity");
        }

        @Override
        public boolean accepts(Signer s) {
            return !s.isKey()
                    && issuer.equals(s.issuer())
                    && identity.matcher(s.identity()).matches();
        }

        @Override
        public String toString() {
            return "keyless " + issuer + " /" + identity.pattern() + "/";
        }
    }

    /** Signed with this public key (its hint is what a verified key bundle's {@link Signer} carries). */
    record Key(PublicKey key, String hint) implements SignerRule {
        public Key {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(hint, "hint");
        }

        public static Key of(PublicKey key) {
            return new Key(key, PublicKeys.hint(key));
        }

        @Override
        public boolean accepts(Signer s) {
            return s.isKey() && hint.equals(s.identity());
        }

        @Override
        public String toString() {
            return "key " + hint;
        }
    }
}
