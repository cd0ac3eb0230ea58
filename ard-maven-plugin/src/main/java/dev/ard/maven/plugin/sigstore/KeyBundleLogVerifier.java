package dev.ard.maven.plugin.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.verify.BundleVerifier;
import dev.ard.core.attest.verify.KeyVerifier;
import dev.ard.core.attest.verify.VerifiedBundle;
import dev.sigstore.TrustedRootProvider;
import dev.sigstore.rekor.client.ImmutableInclusionProof;
import dev.sigstore.rekor.client.ImmutableRekorEntry;
import dev.sigstore.rekor.client.ImmutableVerification;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerificationException;
import dev.sigstore.rekor.client.RekorVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A key-signed bundle whose transparency-log entry is checked too, against a pinned trusted root's Rekor keys: the
 * signature by the key ({@link KeyVerifier}), then the entry's body records that signature, key and artifact
 * ({@link LogEntryBody}), then its signed entry timestamp, inclusion proof and checkpoint (sigstore-java's
 * {@link RekorVerifier}), and its integrated time is not in the future. A bundle without an entry is refused: the
 * user asked for a log check by giving the trusted root.
 *
 * <p>ARD builds the {@link RekorEntry} from the bundle itself because sigstore-java 2.0.0's bundle reader refuses
 * bundles that carry a public key instead of a certificate.
 */
final class KeyBundleLogVerifier implements BundleVerifier {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KeyVerifier keyVerifier;
    private final PublicKey key;
    private final RekorVerifier rekor;

    KeyBundleLogVerifier(PublicKey key, Path trustedRoot) throws VerificationException {
        this.key = key;
        this.keyVerifier = new KeyVerifier(key);
        TrustedRootCheck.check(trustedRoot);
        try {
            this.rekor = RekorVerifier.newRekorVerifier(
                    TrustedRootProvider.from(trustedRoot).get());
        } catch (Exception e) {
            throw new VerificationException("cannot load the trusted root " + trustedRoot.getFileName() + ": "
                    + KeylessBundleVerifier.oneLine(e));
        }
    }

    @Override
    public VerifiedBundle verify(byte[] bundleJson, ArtifactDigest artifact) throws VerificationException {
        SigstoreBundle bundle = BundleJson.read(bundleJson);
        VerifiedBundle verified = keyVerifier.verify(bundle, artifact);
        JsonNode entries;
        try {
            entries = MAPPER.readTree(bundleJson).path("verificationMaterial").path("tlogEntries");
        } catch (IOException e) {
            throw new VerificationException("the bundle is not valid JSON");
        }
        if (entries.size() != 1) {
            throw new VerificationException("a trusted root was given to check the transparency log, but the bundle"
                    + " carries " + entries.size() + " log entries (one expected)");
        }
        JsonNode entry = entries.get(0);
        LogEntryBody.check(decode(entry.path("canonicalizedBody"), "canonicalizedBody"), signed(bundle, artifact));
        RekorEntry rekorEntry = rekorEntry(entry);
        LogTimeRule.notInFuture(rekorEntry.getIntegratedTimeInstant(), Instant.now());
        try {
            rekor.verifyEntry(rekorEntry);
        } catch (RekorVerificationException | RuntimeException e) {
            throw new VerificationException(
                    "the transparency log entry does not verify: " + KeylessBundleVerifier.oneLine(e));
        }
        return verified.withLogEntry(VerifiedBundle.LogEntry.CHECKED);
    }

    private LogEntryBody.Signed signed(SigstoreBundle bundle, ArtifactDigest artifact) {
        if (bundle.messageSignature() != null) {
            return new LogEntryBody.Signed(
                    bundle.messageSignature().signature(), key.getEncoded(), false, artifact.bytes(), null, null);
        }
        return new LogEntryBody.Signed(
                bundle.dsseEnvelope().signatures().get(0).sig(),
                key.getEncoded(),
                false,
                null,
                bundle.dsseEnvelope().payload(),
                bundle.dsseEnvelope().payloadType());
    }

    /** The entry as sigstore-java's reader would make it from a certificate bundle (protobuf JSON: bytes in base64). */
    static RekorEntry rekorEntry(JsonNode entry) throws VerificationException {
        JsonNode proof = entry.path("inclusionProof");
        if (!proof.isObject()) {
            throw new VerificationException("the transparency log entry has no inclusion proof");
        }
        List<String> hashes = new ArrayList<>();
        for (JsonNode hash : proof.path("hashes")) {
            hashes.add(HexFormat.of().formatHex(decode(hash, "inclusion proof hash")));
        }
        ImmutableVerification.Builder verification = ImmutableVerification.builder()
                .inclusionProof(ImmutableInclusionProof.builder()
                        .logIndex(number(proof.path("logIndex"), "inclusion proof logIndex"))
                        .rootHash(HexFormat.of().formatHex(decode(proof.path("rootHash"), "rootHash")))
                        .treeSize(number(proof.path("treeSize"), "treeSize"))
                        .checkpoint(proof.path("checkpoint").path("envelope").asText(""))
                        .addAllHashes(hashes)
                        .build());
        String set = entry.path("inclusionPromise").path("signedEntryTimestamp").asText("");
        if (!set.isEmpty()) {
            verification.signedEntryTimestamp(Base64.getEncoder()
                    .encodeToString(decode(
                            entry.path("inclusionPromise").path("signedEntryTimestamp"), "signedEntryTimestamp")));
        }
        return ImmutableRekorEntry.builder()
                .integratedTime(number(entry.path("integratedTime"), "integratedTime"))
                .logID(HexFormat.of().formatHex(decode(entry.path("logId").path("keyId"), "logId")))
                .logIndex(number(entry.path("logIndex"), "logIndex"))
                .body(Base64.getEncoder().encodeToString(decode(entry.path("canonicalizedBody"), "canonicalizedBody")))
                .verification(verification.build())
                .build();
    }

    private static byte[] decode(JsonNode node, String what) throws VerificationException {
        try {
            return Base64.getDecoder().decode(node.asText(""));
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the transparency log entry's " + what + " is not base64");
        }
    }

    /** Protobuf JSON writes 64-bit integers as strings. */
    private static long number(JsonNode node, String what) throws VerificationException {
        String text = node.asText("");
        if (!text.matches("[0-9]{1,19}")) {
            throw new VerificationException("the transparency log entry's " + what + " is not a non-negative number");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new VerificationException("the transparency log entry's " + what + " is out of range");
        }
    }
}
