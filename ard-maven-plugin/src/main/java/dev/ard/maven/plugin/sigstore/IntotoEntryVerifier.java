package dev.ard.maven.plugin.sigstore;

import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.io.UntrustedText;
import dev.sigstore.VerificationOptions;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.encryption.certificates.Certificates;
import dev.sigstore.encryption.signers.Verifiers;
import dev.sigstore.fulcio.client.FulcioVerifier;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.timestamp.client.ImmutableTimestampResponse;
import dev.sigstore.timestamp.client.TimestampVerifier;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * Verifies a certificate bundle with a DSSE envelope whose Rekor entry is of kind {@code intoto} 0.0.2 — what older
 * cosign and many published attestations carry — step for step as sigstore-java's {@code KeylessVerifier} does for
 * {@code dsse} entries: certificate chain to the trusted root's Fulcio CA and SCT, certificate identity, the DSSE
 * signature over the PAE with the certificate's key, the entry's body against the envelope ({@link LogEntryBody}),
 * RFC 3161 timestamps within the certificate's validity, then the entry's SET, inclusion proof and checkpoint.
 *
 * <p>ARD's own orchestration of sigstore-java's verifiers because sigstore-java 2.0.0 reads a DSSE bundle's entry
 * as {@code dsse} only and refuses {@code intoto} ones. The integrated-time rule ({@link LogTimeRule}) runs before,
 * as for every certificate bundle; the subject check runs after, as for every DSSE bundle.
 */
final class IntotoEntryVerifier {
    private final FulcioVerifier fulcio;
    private final RekorVerifier rekor;
    private final TimestampVerifier timestamps;

    IntotoEntryVerifier(SigstoreTrustedRoot root) throws Exception {
        this.fulcio = FulcioVerifier.newFulcioVerifier(root);
        this.rekor = RekorVerifier.newRekorVerifier(root);
        this.timestamps = TimestampVerifier.newTimestampVerifier(root);
    }

    /** Whether the bundle is one this class verifies: a DSSE envelope with one {@code intoto} 0.0.2 entry. */
    static boolean applies(Bundle bundle) {
        if (bundle.getDsseEnvelope().isEmpty() || bundle.getEntries().size() != 1) {
            return false;
        }
        try {
            var body = bundle.getEntries().get(0).getBodyDecoded();
            return "intoto".equals(body.getKind()) && "0.0.2".equals(body.getApiVersion());
        } catch (Exception e) {
            return false; // sigstore-java reports an unreadable body itself
        }
    }

    void verify(Bundle bundle, VerificationOptions options) throws VerificationException {
        X509Certificate leaf = Certificates.getLeaf(bundle.getCertPath());
        try {
            fulcio.verifySigningCertificate(bundle.getCertPath());
        } catch (Exception e) {
            throw new VerificationException("Fulcio certificate was not valid: " + KeylessBundleVerifier.oneLine(e));
        }
        List<VerificationOptions.CertificateMatcher> matchers = options.getCertificateMatchers();
        try {
            if (!matchers.isEmpty() && matchers.stream().noneMatch(m -> m.test(leaf))) {
                throw new VerificationException("the certificate's identity or issuer is not the one required");
            }
        } catch (RuntimeException e) {
            throw new VerificationException(
                    "cannot read the certificate's identity: " + KeylessBundleVerifier.oneLine(e));
        }
        Bundle.DsseEnvelope envelope = bundle.getDsseEnvelope().orElseThrow();
        if (!Statement.PAYLOAD_TYPE.equals(envelope.getPayloadType())) {
            throw new VerificationException("DSSE payloadType is " + UntrustedText.quote(envelope.getPayloadType())
                    + ", expected " + Statement.PAYLOAD_TYPE);
        }
        if (envelope.getSignatures().size() != 1) {
            throw new VerificationException("the DSSE envelope has "
                    + envelope.getSignatures().size() + " signatures; a Sigstore bundle has exactly one");
        }
        byte[] signature = envelope.getSignature();
        boolean valid;
        try {
            valid = Verifiers.newVerifier(leaf.getPublicKey()).verify(envelope.getPAE(), signature);
        } catch (Exception e) {
            throw new VerificationException(
                    "the DSSE signature cannot be checked: " + KeylessBundleVerifier.oneLine(e));
        }
        if (!valid) {
            throw new VerificationException("the DSSE signature does not verify with the certificate's key");
        }
        RekorEntry entry = bundle.getEntries().get(0);
        byte[] certificate;
        try {
            certificate = leaf.getEncoded();
        } catch (Exception e) {
            throw new VerificationException("the signing certificate cannot be encoded");
        }
        LogEntryBody.check(
                Base64.getDecoder().decode(entry.getBody()),
                new LogEntryBody.Signed(
                        signature, certificate, true, null, envelope.getPayload(), envelope.getPayloadType()));
        for (Bundle.Timestamp timestamp : bundle.getTimestamps()) {
            try {
                var response = ImmutableTimestampResponse.builder()
                        .encoded(timestamp.getRfc3161Timestamp())
                        .build();
                timestamps.verify(response, signature);
                leaf.checkValidity(response.getGenTime());
            } catch (Exception e) {
                throw new VerificationException(
                        "RFC 3161 timestamp verification failed: " + KeylessBundleVerifier.oneLine(e));
            }
        }
        try {
            rekor.verifyEntry(entry);
        } catch (Exception e) {
            throw new VerificationException(
                    "the transparency log entry does not verify: " + KeylessBundleVerifier.oneLine(e));
        }
    }
}
