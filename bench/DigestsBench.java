import dev.ard.core.attest.model.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hashing throughput of ARD's Digests over a list of files (one path per line in args[0]): one warm-up
 * pass, then RUNS timed passes each of sha256 alone and of sha256 + sha512 in one read; prints the
 * median MB/s of each. Run through bench/digests.sh, which compares it with sha256sum on the same files.
 */
public class DigestsBench {
    public static void main(String[] args) throws Exception {
        List<Path> files = Files.readAllLines(Path.of(args[0])).stream().filter(s -> !s.isBlank()).map(Path::of).toList();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        pass(files, false);
        pass(files, true);
        System.out.printf("files=%d bytes=%d%n", files.size(), bytes);
        System.out.printf("sha256 MB/s=%.1f%n", median(files, false, runs, bytes));
        System.out.printf("sha256+sha512 MB/s=%.1f%n", median(files, true, runs, bytes));
    }

    private static double median(List<Path> files, boolean both, int runs, long bytes) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            pass(files, both);
            double seconds = (System.nanoTime() - t0) / 1e9;
            rates.add(bytes / 1e6 / seconds);
        }
        double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.println((both ? "sha256+sha512" : "sha256") + " runs MB/s: " + Arrays.toString(sorted));
        return sorted[sorted.length / 2];
    }

    private static void pass(List<Path> files, boolean both) throws Exception {
        for (Path f : files) {
            if (both) {
                Digests.sha256And512(f);
            } else {
                Digests.sha256(f);
            }
        }
    }
}
