import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.SigningKey;
import dev.ard.core.attest.verify.KeyVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Key-mode sign + verify time per artifact, as ard:sign and ard:verify do it: sign = SHA-256 of the file,
 * ECDSA P-256, bundle JSON written to disk; verify = bundle read and parsed, SHA-256 of the file, digest
 * and signature checked. Args: work dir, artifact size in bytes, number of artifacts.
 * The first artifact is reported apart (cold: class loading, JIT, EC tables), then the median of the rest.
 */
public class SignVerifyBench {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int size = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        Random random = new Random(42);
        Path[] files = new Path[count];
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            files[i] = Files.write(dir.resolve("a" + i + ".jar"), data);
        }
        long t0 = System.nanoTime();
        SigningKey key = SigningKey.generate();
        KeySigner signer = new KeySigner(key);
        KeyVerifier verifier = new KeyVerifier(key.publicKey());
        double setup = (System.nanoTime() - t0) / 1e6;
        double[] sign = new double[count];
        double[] verify = new double[count];
        for (int i = 0; i < count; i++) {
            long s = System.nanoTime();
            Path bundle = Files.write(Path.of(files[i] + ".sigstore.json"), BundleJson.write(signer.signArtifact(files[i])));
            long m = System.nanoTime();
            verifier.verify(Files.readAllBytes(bundle), ArtifactDigest.of(files[i]));
            long e = System.nanoTime();
            sign[i] = (m - s) / 1e6;
            verify[i] = (e - m) / 1e6;
        }
        double[] warmSign = Arrays.copyOfRange(sign, 1, count);
        double[] warmVerify = Arrays.copyOfRange(verify, 1, count);
        System.out.printf(Locale.ROOT, "artifact %d bytes x %d: key setup %.1f ms; first artifact sign %.2f ms + verify %.2f ms;"
                        + " then median sign %.3f ms + verify %.3f ms = %.3f ms per artifact (max %.3f ms)%n",
                size, count, setup, sign[0], verify[0], median(warmSign), median(warmVerify), median(warmSign) + median(warmVerify),
                Arrays.stream(warmSign).max().orElse(0) + Arrays.stream(warmVerify).max().orElse(0));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
