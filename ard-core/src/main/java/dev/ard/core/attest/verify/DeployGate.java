package dev.ard.core.attest.verify;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.json.ParsedStatement;
import dev.ard.core.attest.json.ProvenanceFormatException;
import dev.ard.core.attest.json.ProvenanceParser;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.VerificationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The deploy gate: every file a module deploys must have a bundle that verifies for the file on disk, and
 * the provenance bundle (when there is one, or when it is required) must verify and each of its subjects
 * must equal a file on disk. Nothing unsigned or mismatched may reach the repository.
 *
 * <p>Checks everything and reports every problem (never stops at the first), so one build shows the whole
 * list. The caller gathers the files (the plugin: from the Maven project) and maps the report to its exit.
 */
public final class DeployGate {
    private final BundleVerifier verifier;
    private final ProvenancePolicy policy;
    private final boolean provenanceRequired;

    /**
     * @param verifier           the signature policy (a key, or an identity through the plugin's keyless verifier)
     * @param policy             what the provenance must say beyond its signature
     * @param provenanceRequired a module without a provenance bundle fails
     */
    public DeployGate(BundleVerifier verifier, ProvenancePolicy policy, boolean provenanceRequired) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.provenanceRequired = provenanceRequired;
    }

    /**
     * @param module      the module's name, for the report
     * @param notGathered files the caller could not gather (e.g. not packaged yet); reported first, as given
     * @param files       the module's deployed files, each with its bundle or without one
     * @param provenance  the module's provenance bundle, if one is attached
     */
    public GateReport check(
            String module,
            List<FileProblem> notGathered,
            List<DeployedFile> files,
            Optional<ProvenanceFiles> provenance) {
        List<FileProblem> problems = new ArrayList<>(notGathered);
        List<String> verified = new ArrayList<>();
        Map<String, String> onDisk = new LinkedHashMap<>();
        for (DeployedFile file : files) {
            if (file instanceof DeployedFile.Unsigned u) {
                problems.add(
                        new FileProblem(u.name(), "unsigned (no " + u.bundleName() + " attached; run ard:sign first)"));
                continue;
            }
            DeployedFile.Signed signed = (DeployedFile.Signed) file;
            try {
                ArtifactDigest digest = ArtifactDigest.of(signed.file());
                // Recorded before the signature check: the provenance is matched against what is on disk either way.
                onDisk.put(signed.name(), digest.sha256());
                verifier.verify(BundleFiles.read(signed.bundle()), digest);
                verified.add(signed.name());
            } catch (VerificationException | IOException e) {
                problems.add(new FileProblem(signed.name(), e.getMessage()));
            }
        }
        if (provenance.isPresent()) {
            String name = provenance.get().bundle().getFileName().toString();
            try {
                checkProvenance(provenance.get(), onDisk);
                verified.add(name);
            } catch (VerificationException | IOException e) {
                problems.add(new FileProblem(name, e.getMessage()));
            }
        } else if (provenanceRequired) {
            problems.add(new FileProblem(module, "no provenance bundle attached (ard.verify.requireProvenance)"));
        }
        return new GateReport(module, verified, problems);
    }

    /** DSSE provenance: the signature, then every subject against the files on disk and the policy. */
    private void checkProvenance(ProvenanceFiles provenance, Map<String, String> onDisk)
            throws VerificationException, IOException {
        byte[] json = BundleFiles.read(provenance.bundle());
        SigstoreBundle parsed = BundleJson.read(json);
        if (parsed.dsseEnvelope() == null) {
            checkBlobProvenance(json, provenance.statement(), onDisk);
            return;
        }
        String firstSubject = onDisk.values().stream()
                .findFirst()
                .orElseThrow(() -> new VerificationException("no file to match the provenance against"));
        VerifiedBundle v;
        try {
            v = verifier.verify(json, new ArtifactDigest(firstSubject));
        } catch (VerificationException e) {
            // The first file need not be a subject (the POM of a jar module is not): try each file.
            v = firstVerifying(json, onDisk).orElseThrow(() -> e);
        }
        if (v.statement() == null) {
            throw new VerificationException("the provenance bundle verified but carries no signed statement");
        }
        // The statement the verifier matched the subject against, not a second reading of the bundle.
        policy.check(ProvenancePolicy.provenance(v.statement()), onDisk);
    }

    /** Keyless signing without Rekor v2 signs the statement file as a blob: verify that file, then its subjects. */
    private void checkBlobProvenance(byte[] json, Path statement, Map<String, String> onDisk)
            throws VerificationException {
        try {
            verifier.verify(json, ArtifactDigest.of(statement));
            ParsedStatement parsed = ProvenanceParser.parse(statement);
            if (!"statement".equals(parsed.envelope())) {
                throw new VerificationException("the signed provenance " + statement.getFileName()
                        + " is an envelope or a bundle, not a bare in-toto statement");
            }
            policy.check(ProvenancePolicy.provenance(parsed), onDisk);
        } catch (IOException | ProvenanceFormatException e) {
            throw new VerificationException(
                    "cannot read the signed provenance " + statement.getFileName() + ": " + e.getMessage());
        }
    }

    private Optional<VerifiedBundle> firstVerifying(byte[] json, Map<String, String> onDisk) {
        for (String sha : onDisk.values()) {
            try {
                return Optional.of(verifier.verify(json, new ArtifactDigest(sha)));
            } catch (VerificationException ignored) {
                // next
            }
        }
        return Optional.empty();
    }
}
