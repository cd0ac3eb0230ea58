package dev.ard.core.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The verdicts of one check: the summary line, the failures, {@code dependencies.json}, and the lock they imply. */
public record DependencyReport(List<DependencyVerdict> verdicts) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DependencyReport {
        verdicts = List.copyOf(verdicts);
    }

    public List<DependencyVerdict> failures() {
        return verdicts.stream().filter(DependencyVerdict::failed).toList();
    }

    public long count(DependencyVerdict.Outcome outcome) {
        return verdicts.stream().filter(v -> v.outcome() == outcome).count();
    }

    /** {@code 212 dependencies: 9 signed and verified, 203 unsigned (warn), 0 failed}. */
    public String summary() {
        Map<MissingSignature, Integer> unsigned = new EnumMap<>(MissingSignature.class);
        verdicts.stream()
                .filter(v -> v.outcome() == DependencyVerdict.Outcome.UNSIGNED)
                .forEach(v -> unsigned.merge(v.missing(), 1, Integer::sum));
        String how = unsigned.size() == 1
                ? " (" + unsigned.keySet().iterator().next() + ")"
                : unsigned.isEmpty()
                        ? ""
                        : " ("
                                + String.join(
                                        ", ",
                                        unsigned.entrySet().stream()
                                                .map(e -> e.getValue() + " " + e.getKey())
                                                .toList())
                                + ")";
        long cached = verdicts.stream().filter(DependencyVerdict::cached).count();
        return verdicts.size() + " dependencies: " + count(DependencyVerdict.Outcome.VERIFIED)
                + " signed and verified" + (cached > 0 ? " (" + cached + " cached)" : "") + ", "
                + count(DependencyVerdict.Outcome.UNSIGNED) + " unsigned" + how + ", "
                + count(DependencyVerdict.Outcome.FAILED) + " failed";
    }

    /** The lock this build's artifacts imply: every artifact that did not fail, with its sha256 and signer. */
    public TrustLock lock() {
        return TrustLock.of(verdicts.stream()
                .filter(v -> !v.failed())
                .map(v -> new TrustLock.Entry(v.coordinates(), v.sha256(), v.signer()))
                .toList());
    }

    /** Writes {@code dependencies.json}: per artifact coordinates, kind, sha256, bundle present, signer, verdict, reason. */
    public void write(Path file, String summary) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("summary", summary);
        ArrayNode list = root.putArray("artifacts");
        for (DependencyVerdict v : verdicts) {
            ObjectNode o = list.addObject();
            o.put("coordinates", v.coordinates().toString());
            o.put("kind", v.kind());
            o.put("sha256", v.sha256());
            o.put("bundle", v.bundlePresent());
            Optional<Signer> s = v.signer();
            if (s.isPresent()) {
                ObjectNode signer = o.putObject("signer");
                if (s.get().isKey()) {
                    signer.put("key", s.get().identity());
                } else {
                    signer.put("issuer", s.get().issuer())
                            .put("identity", s.get().identity());
                }
            } else {
                o.putNull("signer");
            }
            o.put("verdict", v.outcome().name().toLowerCase(java.util.Locale.ROOT));
            if (v.outcome() == DependencyVerdict.Outcome.UNSIGNED) {
                o.put("missingSignature", v.missing().toString());
            }
            o.put("reason", v.reason());
            o.put("cached", v.cached());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), root);
    }
}
