package dev.ard.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.PublicKeys;
import dev.ard.core.attest.sign.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every verdict rule of {@link DependencyCheck} with real files, real key-signed bundles ({@link KeySigner}) and real
 * policy and lock files; certificate bundles go through a {@link CertificateCheck} that names a signer (the real
 * sigstore-java check is the plugin's, tested there and in the IT on Maven Central's bundle).
 */
class DependencyCheckTest {
    private static final ArtifactCoordinates LIB = new ArtifactCoordinates("org.example", "lib", "1.0", "", "jar");
    private static final Signer RELEASE = Signer.keyless(
            "https://token.actions.githubusercontent.com",
            "https://github.com/example/lib/.github/workflows/release.yml@refs/tags/v1.0");

    @TempDir
    Path dir;

    private final SigningKey key = SigningKey.generate();
    private final AtomicInteger certificateChecks = new AtomicInteger();
    private Path jar;
    private Path bundle;

    @BeforeEach
    void files() throws Exception {
        jar = Files.write(dir.resolve("lib-1.0.jar"), "the library".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bundle = Files.write(
                dir.resolve("lib-1.0.jar.sigstore.json"), BundleJson.write(new KeySigner(key).signArtifact(jar)));
    }

    @Test
    void aKeyBundleVerifiesWithTheRulesKeyAndIsCachedAfterwards() throws Exception {
        TrustPolicy policy = policy(keyRule("org.example:*", "fail"));
        VerdictCache cache = new VerdictCache(dir.resolve("cache"));
        DependencyVerdict first = check(policy, TrustLock.EMPTY, cache, signed());
        assertThat(first.outcome()).as(first.reason()).isEqualTo(DependencyVerdict.Outcome.VERIFIED);
        assertThat(first.signer()).contains(Signer.key(key.hint()));
        assertThat(first.cached()).isFalse();
        DependencyVerdict second = check(policy, TrustLock.EMPTY, cache, signed());
        assertThat(second.outcome()).isEqualTo(DependencyVerdict.Outcome.VERIFIED);
        assertThat(second.cached()).isTrue();
    }

    @Test
    void aTamperedJarFailsNamingThePathEvenWithACachedVerdict() throws Exception {
        TrustPolicy policy = policy(keyRule("org.example:lib", "fail"));
        VerdictCache cache = new VerdictCache(dir.resolve("cache"));
        assertThat(check(policy, TrustLock.EMPTY, cache, signed()).outcome())
                .isEqualTo(DependencyVerdict.Outcome.VERIFIED);
        Files.write(jar, "the library, changed".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        DependencyVerdict v = check(policy, TrustLock.EMPTY, cache, signed());
        assertThat(v.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(v.reason())
                .contains("digest mismatch")
                .contains(jar.toString())
                .contains("altered");
    }

    @Test
    void theBundleOfAnotherArtifactFails() throws Exception {
        Path other = Files.write(
                dir.resolve("other.jar"), "another library".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(bundle, BundleJson.write(new KeySigner(key).signArtifact(other)));
        DependencyVerdict v = check(policy(keyRule("org.example:lib", "warn")), TrustLock.EMPTY, noCache(), signed());
        assertThat(v.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(v.reason()).contains("digest mismatch");
    }

    @Test
    void aKeyTheRuleDoesNotListFails() throws Exception {
        SigningKey other = SigningKey.generate();
        Files.writeString(dir.resolve("other.pem"), PublicKeys.toPem(other.publicKey()));
        TrustPolicy policy = parse(
                "{\"rules\":[{\"artifacts\":[\"org.example:lib\"]," + "\"signers\":[{\"publicKey\":\"other.pem\"}]}]}");
        DependencyVerdict v = check(policy, TrustLock.EMPTY, noCache(), signed());
        assertThat(v.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(v.reason()).contains("no key the policy lists verifies it").contains("wrong key");
    }

    @Test
    void aKeyBundleWithoutAKeyToCheckItCountsAsUnsignedAndFollowsMissingSignature() throws Exception {
        DependencyVerdict warn = check(parse("{\"missingSignature\":\"warn\"}"), TrustLock.EMPTY, noCache(), signed());
        assertThat(warn.outcome()).isEqualTo(DependencyVerdict.Outcome.UNSIGNED);
        assertThat(warn.reason()).contains("no rule of the policy lists");
        DependencyVerdict fail = check(parse("{\"missingSignature\":\"fail\"}"), TrustLock.EMPTY, noCache(), signed());
        assertThat(fail.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
    }

    @Test
    void aMissingBundleFollowsTheRuleThenTheDefault() throws Exception {
        ConsumedArtifact missing =
                ConsumedArtifact.withoutBundle(LIB, "dependency", jar, "no bundle in central", false);
        TrustPolicy policy = parse("{\"missingSignature\":\"ignore\",\"rules\":["
                + "{\"artifacts\":[\"org.example:lib\"],\"missingSignature\":\"fail\"},"
                + "{\"artifacts\":[\"org.other:*\"],\"missingSignature\":\"warn\"}]}");
        DependencyVerdict failed = check(policy, TrustLock.EMPTY, noCache(), missing);
        assertThat(failed.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(failed.reason()).contains("no bundle in central").contains("missingSignature is fail (rule at");

        ArtifactCoordinates other = new ArtifactCoordinates("org.other", "x", "2", "", "jar");
        DependencyVerdict warned = check(
                policy,
                TrustLock.EMPTY,
                noCache(),
                ConsumedArtifact.withoutBundle(other, "plugin", jar, "no bundle in central", false));
        assertThat(warned.outcome()).isEqualTo(DependencyVerdict.Outcome.UNSIGNED);
        assertThat(warned.missing()).isEqualTo(MissingSignature.WARN);

        ArtifactCoordinates third = new ArtifactCoordinates("org.third", "x", "2", "", "jar");
        DependencyVerdict ignored = check(
                policy,
                TrustLock.EMPTY,
                noCache(),
                ConsumedArtifact.withoutBundle(third, "plugin", jar, "no bundle: central could not be asked", true));
        assertThat(ignored.missing()).isEqualTo(MissingSignature.IGNORE);
        assertThat(ignored.reason()).contains("the repository was unreachable");
    }

    @Test
    void malformedAndHugeBundlesFail() throws Exception {
        Files.writeString(bundle, "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",");
        DependencyVerdict malformed = check(TrustPolicy.NONE, TrustLock.EMPTY, noCache(), signed());
        assertThat(malformed.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(malformed.reason()).contains("malformed bundle");

        byte[] huge = new byte[BundleJson.MAX_BYTES + 1];
        Files.write(bundle, huge);
        DependencyVerdict big = check(TrustPolicy.NONE, TrustLock.EMPTY, noCache(), signed());
        assertThat(big.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(big.reason()).contains("more than the");
    }

    @Test
    void aCertificateSignerMustBeOneTheRuleAccepts() throws Exception {
        Files.write(bundle, certificateBundle());
        TrustPolicy exact = parse("{\"rules\":[{\"artifacts\":[\"org.example:*\"],\"signers\":[{\"issuer\":\""
                + RELEASE.issuer() + "\",\"identity\":\"" + RELEASE.identity() + "\"}]}]}");
        assertThat(check(exact, TrustLock.EMPTY, noCache(), signed()).outcome())
                .isEqualTo(DependencyVerdict.Outcome.VERIFIED);
        assertThat(certificateChecks).hasValue(1);

        TrustPolicy otherIdentity = parse("{\"rules\":[{\"artifacts\":[\"org.example:*\"],\"signers\":[{\"issuer\":\""
                + RELEASE.issuer() + "\",\"identity\":\"https://github.com/evil/lib/.github/workflows/release.yml"
                + "@refs/tags/v1.0\"}]}]}");
        DependencyVerdict v = check(otherIdentity, TrustLock.EMPTY, noCache(), signed());
        assertThat(v.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(v.reason()).contains("does not accept").contains(RELEASE.identity());

        // anchored: a prefix of the identity is not a match
        TrustPolicy prefix = parse("{\"rules\":[{\"artifacts\":[\"org.example:*\"],\"signers\":[{\"issuer\":\""
                + RELEASE.issuer() + "\",\"identityRegex\":\"https://github\\\\.com/example/lib/\"}]}]}");
        assertThat(check(prefix, TrustLock.EMPTY, noCache(), signed()).outcome())
                .isEqualTo(DependencyVerdict.Outcome.FAILED);
        TrustPolicy regex = parse("{\"rules\":[{\"artifacts\":[\"org.example:*\"],\"signers\":[{\"issuer\":\""
                + RELEASE.issuer() + "\",\"identityRegex\":\"https://github\\\\.com/example/lib/.*\"}]}]}");
        assertThat(check(regex, TrustLock.EMPTY, noCache(), signed()).outcome())
                .isEqualTo(DependencyVerdict.Outcome.VERIFIED);
    }

    @Test
    void aCertificateThatDoesNotVerifyFails() throws Exception {
        Files.write(bundle, certificateBundle());
        CertificateCheck refusing = CertificateCheck.unavailable("Maven is offline and no trusted root is pinned");
        DependencyVerdict v =
                new DependencyCheck(TrustPolicy.NONE, TrustLock.EMPTY, refusing, noCache(), false).check(signed());
        assertThat(v.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(v.reason()).contains("does not verify: Maven is offline");
    }

    @Test
    void theLockCatchesAChangedDigestAChangedSignerAndAStrippedSignature() throws Exception {
        Files.write(bundle, certificateBundle());
        String sha = ArtifactDigest.of(jar).sha256();
        TrustLock locked = TrustLock.of(List.of(new TrustLock.Entry(LIB, sha, Optional.of(RELEASE))));
        assertThat(check(TrustPolicy.NONE, locked, noCache(), signed()).outcome())
                .isEqualTo(DependencyVerdict.Outcome.VERIFIED);

        TrustLock otherSha = TrustLock.of(List.of(new TrustLock.Entry(LIB, "0".repeat(64), Optional.of(RELEASE))));
        DependencyVerdict digest = check(TrustPolicy.NONE, otherSha, noCache(), signed());
        assertThat(digest.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(digest.reason())
                .contains("sha256 differs from the lock")
                .contains("mvn ard:verify-dependencies -Dard.trust.update");
        // while updating the lock, its differences are accepted
        assertThat(new DependencyCheck(TrustPolicy.NONE, otherSha, certificates(), noCache(), true)
                        .check(signed())
                        .outcome())
                .isEqualTo(DependencyVerdict.Outcome.VERIFIED);

        Signer other =
                Signer.keyless(RELEASE.issuer(), "https://github.com/fork/lib/.github/workflows/r.yml@refs/tags/v1");
        TrustLock otherSigner = TrustLock.of(List.of(new TrustLock.Entry(LIB, sha, Optional.of(other))));
        DependencyVerdict signer = check(TrustPolicy.NONE, otherSigner, noCache(), signed());
        assertThat(signer.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(signer.reason()).contains("signer changed: locked " + other).contains("seen " + RELEASE);

        DependencyVerdict stripped = check(
                TrustPolicy.NONE,
                locked,
                noCache(),
                ConsumedArtifact.withoutBundle(LIB, "dependency", jar, "no bundle in central", false));
        assertThat(stripped.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(stripped.reason()).contains("no verified signature");
    }

    @Test
    void aNewVersionOfAPinnedGroupMustComeFromTheSameWorkflowAtAnyTag() throws Exception {
        Files.write(bundle, certificateBundle());
        ArtifactCoordinates older = new ArtifactCoordinates("org.example", "lib", "0.9", "", "jar");
        Signer olderSigner = Signer.keyless(
                RELEASE.issuer(), "https://github.com/example/lib/.github/workflows/release.yml@refs/tags/v0.9");
        TrustLock pinned = TrustLock.of(List.of(new TrustLock.Entry(older, "1".repeat(64), Optional.of(olderSigner))));
        assertThat(check(TrustPolicy.NONE, pinned, noCache(), signed()).outcome())
                .isEqualTo(DependencyVerdict.Outcome.VERIFIED);

        Signer elsewhere = Signer.keyless(
                RELEASE.issuer(), "https://github.com/other/lib/.github/workflows/release.yml@refs/tags/v0.9");
        TrustLock pinnedElsewhere =
                TrustLock.of(List.of(new TrustLock.Entry(older, "1".repeat(64), Optional.of(elsewhere))));
        DependencyVerdict v = check(TrustPolicy.NONE, pinnedElsewhere, noCache(), signed());
        assertThat(v.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(v.reason()).contains("signer of group org.example changed");
    }

    @Test
    void aMissingFileFails() {
        DependencyVerdict v = check(
                TrustPolicy.NONE,
                TrustLock.EMPTY,
                noCache(),
                ConsumedArtifact.withBundle(LIB, "dependency", dir.resolve("gone.jar"), bundle));
        assertThat(v.outcome()).isEqualTo(DependencyVerdict.Outcome.FAILED);
        assertThat(v.reason()).contains("is missing");
    }

    @Test
    void theSummaryCountsEachOutcome() throws Exception {
        TrustPolicy policy = policy(keyRule("org.example:lib", "warn"));
        ArtifactCoordinates b = new ArtifactCoordinates("org.b", "b", "1", "", "jar");
        ArtifactCoordinates c = new ArtifactCoordinates("org.c", "c", "1", "", "jar");
        DependencyReport report = new DependencyCheck(policy, TrustLock.EMPTY, certificates(), noCache(), false)
                .check(List.of(
                        signed(),
                        ConsumedArtifact.withoutBundle(b, "dependency", jar, "no bundle in central", false),
                        ConsumedArtifact.withBundle(c, "dependency", dir.resolve("gone.jar"), bundle)));
        assertThat(report.summary()).isEqualTo("3 dependencies: 1 signed and verified, 1 unsigned (warn), 1 failed");
        assertThat(report.lock().size()).isEqualTo(2);
        Path json = dir.resolve("out/dependencies.json");
        report.write(json, report.summary());
        assertThat(Files.readString(json))
                .contains("\"verdict\" : \"verified\"")
                .contains("\"key\" : \"" + key.hint());
    }

    private ConsumedArtifact signed() {
        return ConsumedArtifact.withBundle(LIB, "dependency", jar, bundle);
    }

    private DependencyVerdict check(TrustPolicy policy, TrustLock lock, VerdictCache cache, ConsumedArtifact a) {
        return new DependencyCheck(policy, lock, certificates(), cache, false).check(a);
    }

    /** Stands in for sigstore-java's chain and log checks: only the signer it names matters to these rules. */
    private CertificateCheck certificates() {
        return new CertificateCheck() {
            @Override
            public Signer verify(byte[] bundleJson, ArtifactDigest artifact) throws VerificationException {
                certificateChecks.incrementAndGet();
                return RELEASE;
            }

            @Override
            public String rootId() {
                return "test";
            }
        };
    }

    /** A bundle with a certificate (its bytes are never checked by the stand-in above) over the jar's digest. */
    private byte[] certificateBundle() throws Exception {
        String sha = java.util.Base64.getEncoder()
                .encodeToString(ArtifactDigest.of(jar).bytes());
        return ("{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\",\"verificationMaterial\":"
                        + "{\"certificate\":{\"rawBytes\":\"AAAA\"},\"tlogEntries\":[]},\"messageSignature\":"
                        + "{\"messageDigest\":{\"algorithm\":\"SHA2_256\",\"digest\":\"" + sha + "\"},"
                        + "\"signature\":\"AAAA\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static VerdictCache noCache() {
        return new VerdictCache(null);
    }

    private String keyRule(String pattern, String missing) throws Exception {
        Files.writeString(dir.resolve("key.pem"), PublicKeys.toPem(key.publicKey()));
        return "{\"artifacts\":[\"" + pattern + "\"],\"missingSignature\":\"" + missing
                + "\",\"signers\":[{\"publicKey\":\"key.pem\"}]}";
    }

    private TrustPolicy policy(String rule) throws Exception {
        return parse("{\"rules\":[" + rule + "]}");
    }

    private TrustPolicy parse(String json) throws Exception {
        return TrustPolicyParser.parse(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8), dir.resolve("ard-trust.json"));
    }
}
