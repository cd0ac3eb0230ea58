import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.PublicKeys;
import dev.ard.core.attest.sign.SigningKey;
import dev.ard.core.trust.ArtifactCoordinates;
import dev.ard.core.trust.ConsumedArtifact;
import dev.ard.core.trust.DependencyCheck;
import dev.ard.core.trust.DependencyReport;
import dev.ard.core.trust.TrustLock;
import dev.ard.core.trust.TrustPolicy;
import dev.ard.core.trust.TrustPolicyParser;
import dev.ard.core.trust.VerdictCache;
import dev.ard.maven.plugin.sigstore.CertificateBundleCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * ard:verify-dependencies' decision on N artifacts that all carry bundles, as the Mojo runs it after resolution:
 * DependencyCheck with a policy, an empty lock, the verdict cache, and the plugin's sigstore-java certificate check.
 * (1) N jars of 50 KB–2 MB, each key-signed (its own bundle), policy listing the key: cold (empty cache) and warm
 * (cache filled by the cold run), three rounds each in one JVM. (2) A real keyless bundle (the conformance happy path,
 * production trusted root) verified 50 times by CertificateBundleCheck, which has no cache: the cost of one certificate
 * bundle a cold run pays per Maven Central bundle.
 * Args: work dir, N, conformance dir.
 */
public class DependencyVerifyBench {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        Path suite = Path.of(args[2]);
        Random random = new Random(7);
        SigningKey key = SigningKey.generate();
        KeySigner signer = new KeySigner(key);
        Files.writeString(dir.resolve("key.pem"), PublicKeys.toPem(key.publicKey()));
        Path policyFile = Files.writeString(dir.resolve("ard-trust.json"),
                "{\"missingSignature\":\"fail\",\"rules\":[{\"artifacts\":[\"org.bench:*\"],"
                        + "\"signers\":[{\"publicKey\":\"key.pem\"}]}]}");
        TrustPolicy policy = TrustPolicyParser.read(policyFile);
        List<ConsumedArtifact> artifacts = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            byte[] data = new byte[50_000 + random.nextInt(1_950_000)];
            random.nextBytes(data);
            bytes += data.length;
            Path jar = Files.write(dir.resolve("lib" + i + ".jar"), data);
            Path bundle = Files.write(Path.of(jar + ".sigstore.json"), BundleJson.write(signer.signArtifact(jar)));
            artifacts.add(ConsumedArtifact.withBundle(
                    new ArtifactCoordinates("org.bench", "lib" + i, "1.0", "", "jar"), "dependency", jar, bundle));
        }
        CertificateBundleCheck certificates =
                new CertificateBundleCheck(Optional.of(suite.resolve("production_trusted_root.json")), false);
        System.out.printf(Locale.ROOT, "%d artifacts with bundles, %.0f MB of jars%n", n, bytes / 1e6);
        for (int round = 1; round <= 3; round++) {
            Path cacheDir = dir.resolve("cache" + round);
            VerdictCache cache = new VerdictCache(cacheDir);
            long t0 = System.nanoTime();
            DependencyReport cold = new DependencyCheck(policy, TrustLock.EMPTY, certificates, cache, false).check(artifacts);
            long t1 = System.nanoTime();
            DependencyReport warm = new DependencyCheck(policy, TrustLock.EMPTY, certificates, cache, false).check(artifacts);
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d: cold %.2f s (%s) | warm %.3f s (%s)%n",
                    round, (t1 - t0) / 1e9, cold.summary(), (t2 - t1) / 1e9, warm.summary());
        }
        byte[] happy = Files.readAllBytes(suite.resolve("happy-path-v0.3/bundle.sigstore.json"));
        ArtifactDigest digest = ArtifactDigest.of(suite.resolve("a.txt"));
        certificates.verify(happy, digest); // loads the root once
        double[] ms = new double[50];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            certificates.verify(happy, digest);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "keyless bundle (sigstore-java, production root): median %.1f ms, max %.1f ms%n",
                ms[ms.length / 2], ms[ms.length - 1]);
    }
}
