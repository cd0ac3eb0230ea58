package dev.ard.core.trust;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.Digests;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.verify.KeyVerifier;
import dev.ard.core.io.BoundedFiles;
import dev.ard.core.io.UntrustedText;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, for every artifact a build consumes, whether it is signed and verified, unsigned (and what the policy says
 * that means) or failed. For an artifact with a bundle: the bundle is read strictly, must sign this file's sha256
 * (else: the file was altered or the bundle is another artifact's), its signature must verify (a certificate under the
 * trusted root via {@link CertificateCheck}, a key against the keys the matching rule lists), the signer must be one the
 * rule accepts, and the lock must agree. Nothing passes by default: every error is a failure naming the artifact.
 */
public final class DependencyCheck {
    private static final int REASON_MAX = 600;

    private final TrustPolicy policy;
    private final TrustLock lock;
    private final CertificateCheck certificates;
    private final VerdictCache cache;
    private final boolean updateLock;

    /**
     * @param updateLock the lock is being rewritten ({@code -Dard.trust.update}): its differences are accepted, not failed
     */
    public DependencyCheck(
            TrustPolicy policy, TrustLock lock, CertificateCheck certificates, VerdictCache cache, boolean updateLock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.updateLock = updateLock;
    }

    /** Every artifact's verdict, in the given order (checked on all cores: hashing dominates). */
    public DependencyReport check(List<ConsumedArtifact> artifacts) {
        List<DependencyVerdict> verdicts =
                artifacts.parallelStream().map(this::check).toList();
        return new DependencyReport(verdicts);
    }

    DependencyVerdict check(ConsumedArtifact a) {
        ArtifactCoordinates c = a.coordinates();
        if (a.file() == null) {
            return failed(
                    a, "", a.bundle() != null, "not resolved (Maven could not download it), so nothing to verify");
        }
        if (!Files.isRegularFile(a.file())) {
            return failed(a, "", a.bundle() != null, "the file " + a.file() + " is missing");
        }
        String sha;
        try {
            sha = ArtifactDigest.of(a.file()).sha256();
        } catch (IOException e) {
            return failed(a, "", a.bundle() != null, "cannot read " + a.file() + ": " + BoundedFiles.reason(e));
        }
        if (a.bundle() == null) {
            return unsigned(
                    a,
                    sha,
                    false,
                    a.noBundle()
                            + (a.unreachable()
                                    ? " (the repository was unreachable; cached bundles still verify)"
                                    : ""));
        }
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(a.bundle(), BundleJson.MAX_BYTES, "bundle");
        } catch (IOException e) {
            return failed(a, sha, true, BoundedFiles.reason(e));
        }
        Optional<TrustRule> rule = policy.ruleFor(c);
        String key = VerdictCache.key(sha, Digests.sha256(bytes), policy.sha256(), certificates.rootId());
        Optional<Signer> cached = cache.get(key);
        Signer signer;
        if (cached.isPresent()) {
            signer = cached.get();
        } else {
            SigstoreBundle bundle;
            try {
                bundle = BundleJson.read(bytes);
            } catch (VerificationException e) {
                return failed(a, sha, true, "malformed bundle " + a.bundle() + ": " + e.getMessage());
            }
            if (bundle.messageSignature() != null
                    && !MessageDigest.isEqual(bundle.messageSignature().digest(), new ArtifactDigest(sha).bytes())) {
                return failed(
                        a,
                        sha,
                        true,
                        "digest mismatch: the bundle " + a.bundle().getFileName() + " signs sha256:"
                                + HexFormat.of()
                                        .formatHex(bundle.messageSignature().digest()) + " but " + a.file()
                                + " is sha256:" + sha
                                + " (the file was altered, or the bundle belongs to another artifact)");
            }
            try {
                if (bundle.hasCertificate()) {
                    signer = certificates.verify(bytes, new ArtifactDigest(sha));
                } else {
                    Optional<Signer> byKey = byKey(bundle, sha, rule);
                    if (byKey.isEmpty()) {
                        return unsigned(
                                a,
                                sha,
                                true,
                                "signed with a key (hint "
                                        + UntrustedText.clean(bundle.publicKeyHint())
                                        + ") that no rule of the policy lists, so its signature cannot be checked");
                    }
                    signer = byKey.get();
                }
            } catch (VerificationException e) {
                return failed(
                        a, sha, true, "the bundle " + a.bundle().getFileName() + " does not verify: " + e.getMessage());
            }
        }
        if (rule.isPresent() && !rule.get().accepts(signer)) {
            return failed(
                    a,
                    sha,
                    true,
                    "signed by " + signer + ", which the policy (" + policy.source() + ":"
                            + rule.get().line() + ") does not accept; it accepts "
                            + rule.get().signers());
        }
        if (cached.isEmpty()) {
            cache.put(key, signer);
        }
        Optional<String> locked = updateLock ? Optional.empty() : lock.problem(c, sha, Optional.of(signer));
        if (locked.isPresent()) {
            return failed(a, sha, true, locked.get());
        }
        return new DependencyVerdict(
                c,
                a.kind(),
                a.file(),
                sha,
                true,
                Optional.of(signer),
                DependencyVerdict.Outcome.VERIFIED,
                policy.missing(c),
                "signed by " + signer,
                cached.isPresent());
    }

    /** The rule's keys that verify the bundle; empty when the rule lists no key. */
    private static Optional<Signer> byKey(SigstoreBundle bundle, String sha, Optional<TrustRule> rule)
            throws VerificationException {
        List<SignerRule.Key> keys = rule.map(TrustRule::keys).orElse(List.of());
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        VerificationException last = null;
        for (SignerRule.Key k : keys) {
            try {
                new KeyVerifier(k.key()).verify(bundle, new ArtifactDigest(sha));
                return Optional.of(Signer.key(k.hint()));
            } catch (VerificationException e) {
                last = e;
            }
        }
        throw new VerificationException("no key the policy lists verifies it (" + last.getMessage() + ")");
    }

    private DependencyVerdict unsigned(ConsumedArtifact a, String sha, boolean bundlePresent, String why) {
        ArtifactCoordinates c = a.coordinates();
        Optional<String> locked = updateLock ? Optional.empty() : lock.problem(c, sha, Optional.empty());
        if (locked.isPresent()) {
            return failed(a, sha, bundlePresent, locked.get());
        }
        MissingSignature missing = policy.missing(c);
        if (missing == MissingSignature.FAIL) {
            String where = policy.ruleFor(c)
                    .filter(r -> r.missing().isPresent())
                    .map(r -> "rule at " + policy.source() + ":" + r.line())
                    .orElse(policy.source());
            return failed(a, sha, bundlePresent, why + "; missingSignature is fail (" + where + ")");
        }
        return new DependencyVerdict(
                c,
                a.kind(),
                a.file(),
                sha,
                bundlePresent,
                Optional.empty(),
                DependencyVerdict.Outcome.UNSIGNED,
                missing,
                why,
                false);
    }

    private DependencyVerdict failed(ConsumedArtifact a, String sha, boolean bundlePresent, String reason) {
        return new DependencyVerdict(
                a.coordinates(),
                a.kind(),
                a.file(),
                sha,
                bundlePresent,
                Optional.empty(),
                DependencyVerdict.Outcome.FAILED,
                policy.missing(a.coordinates()),
                UntrustedText.line(reason, REASON_MAX),
                false);
    }
}
