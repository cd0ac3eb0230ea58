package dev.ard.maven.plugin.sigstore;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.verify.BundleVerifier;
import dev.ard.core.attest.verify.VerificationPolicy;
import dev.ard.core.attest.verify.VerifiedBundle;
import dev.ard.core.io.UntrustedText;
import dev.sigstore.KeylessVerificationException;
import dev.sigstore.KeylessVerifier;
import dev.sigstore.TrustedRootProvider;
import dev.sigstore.VerificationOptions;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.bundle.BundleParseException;
import dev.sigstore.strings.RegexSyntaxException;
import dev.sigstore.strings.StringMatcher;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import dev.sigstore.tuf.SigstoreTufClient;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Verifies a certificate (keyless) bundle offline with sigstore-java's {@link KeylessVerifier} against a
 * pinned trusted root: certificate chain to the root's Fulcio CA at signing time, SCT, Rekor inclusion
 * proof / SET / checkpoint, RFC 3161 timestamps, the signature, the artifact digest (DSSE: a subject
 * digest), then the identity and issuer. ARD adds its own defensive read first
 * ({@link BundleJson#read}: size, nesting, duplicate keys, media type), so a hostile file is refused
 * with ARD's message before a general-purpose protobuf parser sees it, the integrated-time rule ({@link LogTimeRule}),
 * and verifies DSSE bundles logged as Rekor {@code intoto} 0.0.2 itself ({@link IntotoEntryVerifier}).
 */
public final class KeylessBundleVerifier implements BundleVerifier {
    private final KeylessVerifier verifier;
    private final VerificationOptions options;
    private final String identity;
    /** Loaded once: the sigstore-java verifier and, for intoto entries, ARD's own verify against the same root. */
    private final SigstoreTrustedRoot root;

    private final String rootName;
    private IntotoEntryVerifier intoto;

    /**
     * @param trustedRoot a {@code trusted_root.json} (offline: no TUF fetch)
     * @param identity    the certificate's SAN (an e-mail or a workflow URI)
     * @param issuer      the OIDC issuer
     * @param regex       match identity and issuer as regular expressions instead of exactly
     */
    public KeylessBundleVerifier(Path trustedRoot, String identity, String issuer, boolean regex)
            throws VerificationException {
        this(
                pinned(trustedRoot),
                identity,
                issuer,
                regex,
                trustedRoot.getFileName().toString());
    }

    /** The verifier for an identity policy: against its pinned trusted root, else the public-good root. */
    public static KeylessBundleVerifier of(VerificationPolicy.Identity policy) throws VerificationException {
        return policy.trustedRoot().isPresent()
                ? new KeylessBundleVerifier(
                        policy.trustedRoot().get(), policy.identity(), policy.issuer(), policy.regex())
                : publicGood(policy.identity(), policy.issuer(), policy.regex());
    }

    /** Against the Sigstore public-good root, fetched and checked by sigstore-java's TUF client (needs the network). */
    public static KeylessBundleVerifier publicGood(String identity, String issuer, boolean regex)
            throws VerificationException {
        return new KeylessBundleVerifier(publicGoodRoot(), identity, issuer, regex, "public-good root");
    }

    /**
     * Verifies certificate bundles whoever signed them (chain, SCT, log entry, signature, digest): for callers that
     * read the signer from the certificate afterwards and apply their own policy to it (dependency verification).
     *
     * @param trustedRoot a pinned {@code trusted_root.json}; empty: the public-good root through TUF
     */
    public static KeylessBundleVerifier anyIdentity(java.util.Optional<Path> trustedRoot) throws VerificationException {
        return trustedRoot.isPresent()
                ? new KeylessBundleVerifier(
                        pinned(trustedRoot.get()),
                        VerificationOptions.empty(),
                        "any identity",
                        trustedRoot.get().getFileName().toString())
                : new KeylessBundleVerifier(
                        publicGoodRoot(), VerificationOptions.empty(), "any identity", "public-good root");
    }

    /**
     * The public-good root through sigstore-java's TUF client, which caches the metadata in
     * {@code ~/.sigstore-java} and refreshes it when older than its cache validity.
     */
    private static TrustedRootProvider publicGoodRoot() {
        return TrustedRootProvider.from(SigstoreTufClient.builder().usePublicGoodInstance());
    }

    private KeylessBundleVerifier(
            TrustedRootProvider trustedRoot, String identity, String issuer, boolean regex, String rootName)
            throws VerificationException {
        this(trustedRoot, options(identity, issuer, regex), identity, rootName);
    }

    private KeylessBundleVerifier(
            TrustedRootProvider trustedRoot, VerificationOptions options, String identity, String rootName)
            throws VerificationException {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.rootName = rootName;
        this.options = options;
        try {
            this.root = trustedRoot.get();
            this.verifier =
                    KeylessVerifier.builder().trustedRootProvider(() -> root).build();
        } catch (Exception e) {
            throw new VerificationException("cannot load the " + rootName + ": " + oneLine(e));
        }
    }

    private static VerificationOptions options(String identity, String issuer, boolean regex)
            throws VerificationException {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(issuer, "issuer");
        try {
            return VerificationOptions.builder()
                    .addCertificateMatchers(VerificationOptions.CertificateMatcher.fulcio()
                            .subjectAlternativeName(
                                    regex ? StringMatcher.regex(identity) : StringMatcher.string(identity))
                            .issuer(regex ? StringMatcher.regex(issuer) : StringMatcher.string(issuer))
                            .build())
                    .build();
        } catch (RegexSyntaxException e) {
            throw new VerificationException("identity or issuer is not a valid regular expression");
        }
    }

    private static TrustedRootProvider pinned(Path trustedRoot) throws VerificationException {
        if (!Files.isRegularFile(trustedRoot)) {
            throw new VerificationException("trusted root not found: " + trustedRoot);
        }
        TrustedRootCheck.check(trustedRoot);
        return TrustedRootProvider.from(trustedRoot);
    }

    @Override
    public VerifiedBundle verify(byte[] bundleJson, ArtifactDigest artifact) throws VerificationException {
        SigstoreBundle checked = BundleJson.read(bundleJson);
        if (!checked.hasCertificate()) {
            throw new VerificationException("the bundle is signed with a key (hint "
                    + UntrustedText.clean(checked.publicKeyHint())
                    + "), not a certificate: verify it with -Dard.verify.key");
        }
        // Before sigstore-java, so that its message (a SET over a changed time no longer verifying) does not hide ours.
        LogTimeRule.check(bundleJson, Instant.now());
        Bundle bundle;
        try {
            bundle = Bundle.from(new InputStreamReader(new ByteArrayInputStream(bundleJson), StandardCharsets.UTF_8));
        } catch (BundleParseException | RuntimeException e) {
            throw new VerificationException("sigstore-java cannot read the bundle: " + oneLine(e));
        }
        if (IntotoEntryVerifier.applies(bundle)) {
            intoto().verify(bundle, options);
        } else {
            try {
                verifier.verify(artifact.bytes(), bundle, options);
            } catch (KeylessVerificationException | RuntimeException e) {
                throw new VerificationException(oneLine(e));
            }
        }
        // The same strict reading of the statement as for key bundles: one statement for subject and policy.
        VerifiedBundle verified = checked.dsseEnvelope() == null
                ? VerifiedBundle.blob(identity, artifact)
                : VerifiedBundle.dsse(identity, artifact, checked.dsseEnvelope().payload());
        return verified.withLogEntry(VerifiedBundle.LogEntry.CHECKED);
    }

    /** Made on first use: most bundles have {@code dsse} or {@code hashedrekord} entries, which sigstore-java verifies. */
    private synchronized IntotoEntryVerifier intoto() throws VerificationException {
        if (intoto == null) {
            try {
                intoto = new IntotoEntryVerifier(root);
            } catch (Exception e) {
                throw new VerificationException("cannot load the " + rootName + ": " + oneLine(e));
            }
        }
        return intoto;
    }

    /**
     * sigstore-java's message and its causes' on one line, escaped and bounded by {@link UntrustedText}: its parse
     * errors quote the bundle.
     */
    static String oneLine(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 400; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (b.indexOf(m) < 0) {
                b.append(b.length() == 0 ? "" : ": ").append(m);
            }
        }
        return UntrustedText.line(b.toString(), 400);
    }
}
