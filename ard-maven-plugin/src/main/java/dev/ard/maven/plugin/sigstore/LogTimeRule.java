package dev.ard.maven.plugin.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.io.UntrustedText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A Sigstore client-spec rule sigstore-java 2.0.0 does not apply to every bundle, added by ARD: each transparency-log
 * entry's {@code integratedTime} must lie within the signing certificate's validity and must not be in the future
 * (a clock-skew allowance of {@link #CLOCK_SKEW}). Entries without an integrated time (Rekor v2) are not subject to
 * it: their time comes from an RFC 3161 timestamp, which sigstore-java checks against the certificate.
 */
final class LogTimeRule {
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LogTimeRule() {}

    /** The part of the rule that needs no certificate: an entry integrated later than now (plus skew) is refused. */
    static void notInFuture(Instant integrated, Instant now) throws VerificationException {
        if (integrated.isAfter(now.plus(CLOCK_SKEW))) {
            throw new VerificationException("the transparency log entry was integrated at " + integrated
                    + ", which is in the future (now " + now + ")");
        }
    }

    /** Applies the rule to an already strictly-read certificate bundle; {@code now} is the verifier's clock. */
    static void check(byte[] bundleJson, Instant now) throws VerificationException {
        JsonNode material;
        try {
            material = MAPPER.readTree(bundleJson).path("verificationMaterial");
        } catch (IOException e) {
            throw new VerificationException("the bundle is not valid JSON");
        }
        X509Certificate leaf = leaf(material);
        if (leaf == null) {
            return; // not a certificate bundle: sigstore-java refuses it with its own message
        }
        for (JsonNode entry : material.path("tlogEntries")) {
            JsonNode time = entry.path("integratedTime");
            if (time.isMissingNode() || time.isNull() || time.asLong(0) == 0) {
                continue;
            }
            if (!time.canConvertToLong() && !time.asText().matches("[0-9]{1,12}")) {
                throw new VerificationException("the transparency log entry's integratedTime "
                        + UntrustedText.quote(time.asText()) + " is not a time in seconds");
            }
            Instant integrated = Instant.ofEpochSecond(time.asLong());
            notInFuture(integrated, now);
            Instant from = leaf.getNotBefore().toInstant();
            Instant to = leaf.getNotAfter().toInstant();
            if (integrated.isBefore(from) || integrated.isAfter(to)) {
                throw new VerificationException("the transparency log entry was integrated at " + integrated
                        + ", outside the signing certificate's validity " + from + " .. " + to);
            }
        }
    }

    private static X509Certificate leaf(JsonNode material) throws VerificationException {
        JsonNode raw = material.path("certificate").path("rawBytes");
        if (raw.isMissingNode()) {
            raw = material.path("x509CertificateChain")
                    .path("certificates")
                    .path(0)
                    .path("rawBytes");
        }
        if (!raw.isTextual()) {
            return null;
        }
        try {
            byte[] der = Base64.getDecoder().decode(raw.asText());
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw new VerificationException("the bundle's signing certificate cannot be read");
        }
    }
}
