package dev.ard.core.attest.verify;

import dev.ard.core.attest.model.Provenance;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.VerificationException;
import java.util.Map;

/**
 * What a verified provenance statement must say beyond its signature: the expected source repository
 * and builder id (each optional), and that every subject is a file present with the same SHA-256.
 *
 * @param sourceRepo expected source, e.g. {@code https://github.com/o/r} (matches a resolved dependency
 *                   {@code git+https://github.com/o/r[.git]@…}); {@code null} = not checked
 * @param builderId  expected {@code runDetails.builder.id} prefix (a workflow ref may follow);
 *                   {@code null} = not checked
 */
public record ProvenancePolicy(String sourceRepo, String builderId) {
    public static final ProvenancePolicy ANY = new ProvenancePolicy(null, null);

    /**
     * @param statement the signed statement
     * @param files     deployed file name → its sha256 hex, as on disk
     */
    public void check(Statement statement, Map<String, String> files) throws VerificationException {
        if (statement.subject().isEmpty()) {
            throw new VerificationException("the provenance has no subject");
        }
        for (ResourceDescriptor s : statement.subject()) {
            String expected = s.digest() == null ? null : s.digest().get("sha256");
            String actual = files.get(s.name());
            if (actual == null) {
                throw new VerificationException("provenance subject " + s.name() + " is not among the files checked");
            }
            if (!actual.equalsIgnoreCase(expected == null ? "" : expected)) {
                throw new VerificationException("subject digest mismatch: the provenance says " + s.name()
                        + " has sha256:" + expected + ", the file has sha256:" + actual);
            }
        }
        Provenance p = statement.predicate();
        if (builderId != null && !builderId.isBlank()) {
            String id = p == null || p.runDetails() == null || p.runDetails().builder() == null
                    ? null
                    : p.runDetails().builder().id();
            if (id == null || !id.startsWith(builderId)) {
                throw new VerificationException("builder id is '" + id + "', expected " + builderId);
            }
        }
        if (sourceRepo != null && !sourceRepo.isBlank()) {
            String want = "git+" + strip(sourceRepo);
            boolean found = p != null
                    && p.buildDefinition() != null
                    && p.buildDefinition().resolvedDependencies() != null
                    && p.buildDefinition().resolvedDependencies().stream()
                            .map(ResourceDescriptor::uri)
                            .anyMatch(u -> u != null
                                    && u.contains("@")
                                    && strip(u.substring(0, u.lastIndexOf('@'))).equals(want));
            if (!found) {
                throw new VerificationException("the provenance names no source from " + sourceRepo);
            }
        }
    }

    private static String strip(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
    }
}
