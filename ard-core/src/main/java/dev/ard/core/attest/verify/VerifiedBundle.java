package dev.ard.core.attest.verify;

import dev.ard.core.attest.json.ParsedStatement;
import dev.ard.core.attest.json.ProvenanceFormatException;
import dev.ard.core.attest.json.ProvenanceParser;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.model.Violation;
import dev.ard.core.io.UntrustedText;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a bundle verified as.
 *
 * @param kind      a blob signature or a DSSE envelope
 * @param signer    the verifying key's hint, or for keyless bundles the certificate identity
 * @param artifact  the artifact digest that matched
 * @param payload   the signed DSSE payload, or {@code null} for a blob signature
 * @param subjects  the statement's subject names (DSSE), else empty
 * @param statement the signed DSSE payload parsed strictly, or {@code null} for a blob signature: the one
 *                  statement both the subject check and any provenance policy read
 * @param logEntry  whether the bundle's transparency-log entry was verified (always for certificate bundles; for
 *                  key bundles only when a trusted root was given)
 */
public record VerifiedBundle(
        Kind kind,
        String signer,
        ArtifactDigest artifact,
        byte[] payload,
        List<String> subjects,
        ParsedStatement statement,
        LogEntry logEntry) {
    public enum Kind {
        MESSAGE_SIGNATURE,
        DSSE
    }

    /** What was checked of the bundle's transparency-log entry. */
    public enum LogEntry {
        /** Its body matches the bundle and its SET / inclusion proof verify against the trusted root's log keys. */
        CHECKED,
        /** Not looked at (a key bundle verified by its key alone), whether the bundle carries one or not. */
        NOT_CHECKED;

        @Override
        public String toString() {
            return this == CHECKED ? "log entry checked" : "log entry not checked";
        }
    }

    /** At most this many subject names are quoted when none matches. */
    private static final int SUBJECTS_SHOWN = 5;

    public VerifiedBundle {
        payload = payload == null ? null : payload.clone();
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(logEntry, "logEntry");
    }

    /** This result with what was checked of the log entry. */
    public VerifiedBundle withLogEntry(LogEntry checked) {
        return new VerifiedBundle(kind, signer, artifact, payload, subjects, statement, checked);
    }

    /** A verified blob signature. */
    public static VerifiedBundle blob(String signer, ArtifactDigest artifact) {
        return new VerifiedBundle(
                Kind.MESSAGE_SIGNATURE, signer, artifact, null, List.of(), null, LogEntry.NOT_CHECKED);
    }

    /**
     * A DSSE envelope whose signature verified: its payload must be a bare in-toto statement (parsed strictly by
     * {@link ProvenanceParser#parseStatement(byte[])}) whose statement rules hold and one of whose subjects has
     * the artifact's sha256. Predicate rules are left to a provenance policy: a verifier accepts any predicate.
     *
     * @throws VerificationException the payload is not such a statement, or no subject is the artifact
     */
    public static VerifiedBundle dsse(String signer, ArtifactDigest artifact, byte[] payload)
            throws VerificationException {
        ParsedStatement parsed;
        try {
            parsed = ProvenanceParser.parseStatement(payload);
        } catch (ProvenanceFormatException e) {
            throw new VerificationException("the signed DSSE payload is not an in-toto statement: " + e.getMessage());
        }
        List<Violation> broken = parsed.violations().stream()
                .filter(VerifiedBundle::isStatementRule)
                .toList();
        if (!broken.isEmpty()) {
            throw new VerificationException("the signed statement breaks in-toto rules: " + broken.get(0)
                    + (broken.size() > 1 ? " (and " + (broken.size() - 1) + " more)" : ""));
        }
        List<String> names = parsed.statement().subject().stream()
                .map(s -> s.name() == null ? "" : s.name())
                .toList();
        List<String> shown = names.subList(0, Math.min(SUBJECTS_SHOWN, names.size())).stream()
                .map(UntrustedText::clean)
                .toList();
        boolean found = parsed.statement().subject().stream()
                .map(ResourceDescriptor::digest)
                .anyMatch(d -> d != null && artifact.sha256().equals(d.get("sha256")));
        if (!found) {
            throw new VerificationException("subject digest mismatch: no subject of the signed statement has "
                    + artifact + " (subjects: "
                    + String.join(", ", shown)
                    + (names.size() > SUBJECTS_SHOWN ? ", …" : "") + ")");
        }
        return new VerifiedBundle(Kind.DSSE, signer, artifact, payload, names, parsed, LogEntry.NOT_CHECKED);
    }

    /** The rules of the statement itself (its type and subjects), as opposed to its predicate's. */
    private static boolean isStatementRule(Violation v) {
        String path = v.path();
        return path.equals("$") || path.equals("_type") || path.startsWith("subject");
    }

    @Override
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifiedBundle v
                && kind == v.kind
                && signer.equals(v.signer)
                && artifact.equals(v.artifact)
                && Arrays.equals(payload, v.payload)
                && subjects.equals(v.subjects)
                && Objects.equals(statement, v.statement)
                && logEntry == v.logEntry;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, signer, artifact, Arrays.hashCode(payload), subjects, statement, logEntry);
    }

    @Override
    public String toString() {
        return "VerifiedBundle[" + kind + ", " + signer + ", " + artifact + ", subjects=" + subjects + ", " + logEntry
                + "]";
    }
}
