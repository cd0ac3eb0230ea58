package dev.ard.core.attest.verify;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.DsseEnvelope;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.sign.PublicKeys;
import dev.ard.core.io.UntrustedText;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Verifies a key-signed bundle against an artifact: the signed digest equals the artifact's (blob
 * bundles) or a subject of the signed statement carries it (DSSE bundles), and the signature verifies
 * with the given public key (ECDSA, RSA 2048-4096 PKCS#1 v1.5 or PSS, Ed25519 for DSSE: {@link VerificationKey}).
 * A DSSE payload is read once, strictly, as a bare in-toto statement ({@link VerifiedBundle#dsse}); a provenance
 * policy reads that same statement. Each failure is a {@link VerificationException} naming that one reason.
 *
 * <p>ARD's own code because sigstore-java 2.0.0 verifies only certificate (keyless) bundles. Key-mode
 * bundles ARD writes have no transparency-log entry; when a key-signed bundle from elsewhere carries one
 * (cosign with a managed key), it is <b>not</b> checked here — the policy is the key — but by the plugin's verifier
 * for a {@link VerificationPolicy.Key} with a trusted root, which runs this one first.
 */
public final class KeyVerifier implements BundleVerifier {
    private final VerificationKey key;
    private final String hint;

    /**
     * @throws IllegalArgumentException a key no Sigstore key-mode bundle can be verified with (the message says
     *                                  which keys are accepted: {@link VerificationKey})
     */
    public KeyVerifier(PublicKey key) {
        Objects.requireNonNull(key, "key");
        this.key = VerificationKey.of(key);
        this.hint = PublicKeys.hint(key);
    }

    /** Reads and verifies bundle JSON ({@link BundleJson#read(byte[])} limits apply). */
    @Override
    public VerifiedBundle verify(byte[] bundleJson, ArtifactDigest artifact) throws VerificationException {
        return verify(BundleJson.read(bundleJson), artifact);
    }

    /** Verifies a parsed bundle. */
    public VerifiedBundle verify(SigstoreBundle bundle, ArtifactDigest artifact) throws VerificationException {
        if (bundle.hasCertificate()) {
            throw new VerificationException(
                    "the bundle is signed with a certificate (keyless), not a key: verify it with a trusted root and an identity");
        }
        if (bundle.messageSignature() != null) {
            SigstoreBundle.MessageSignature m = bundle.messageSignature();
            if (!SigstoreBundle.MessageSignature.SHA2_256.equals(m.digestAlgorithm())) {
                throw new VerificationException("unsupported message digest algorithm "
                        + UntrustedText.quote(m.digestAlgorithm()) + " (ARD verifies SHA2_256)");
            }
            byte[] signed = m.digest();
            if (!MessageDigest.isEqual(signed, artifact.bytes())) {
                throw new VerificationException("artifact digest mismatch: the bundle signs sha256:"
                        + HexFormat.of().formatHex(signed) + " but the artifact is " + artifact
                        + " (the artifact changed, or the bundle belongs to another file)");
            }
            check(key.verifiesDigest(signed, m.signature()), bundle.publicKeyHint(), "the signature");
            return VerifiedBundle.blob(hint, artifact);
        }
        DsseEnvelope envelope = bundle.dsseEnvelope();
        if (envelope.signatures().size() != 1) {
            throw new VerificationException("the DSSE envelope has "
                    + envelope.signatures().size() + " signatures; a Sigstore bundle has exactly one");
        }
        check(
                key.verifiesMessage(envelope.pae(), envelope.signatures().get(0).sig()),
                bundle.publicKeyHint(),
                "the DSSE signature");
        if (!Statement.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new VerificationException("DSSE payloadType is " + UntrustedText.quote(envelope.payloadType())
                    + ", expected " + Statement.PAYLOAD_TYPE);
        }
        return VerifiedBundle.dsse(hint, artifact, envelope.payload());
    }

    private void check(boolean verified, String bundleHint, String what) throws VerificationException {
        if (!verified) {
            if (bundleHint != null && !bundleHint.isEmpty() && !bundleHint.equals(hint)) {
                throw new VerificationException("wrong key: the bundle was signed by key "
                        + UntrustedText.clean(bundleHint) + ", the given key is " + hint);
            }
            throw new VerificationException(what + " does not verify with key " + hint
                    + " (the signed content or the signature was altered, or another key signed it)");
        }
    }
}
