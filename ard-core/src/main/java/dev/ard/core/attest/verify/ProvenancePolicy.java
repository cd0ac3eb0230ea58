package dev.ard.core.attest.verify;

import dev.ard.core.attest.json.ParsedStatement;
import dev.ard.core.attest.model.Provenance;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.model.Violation;
import dev.ard.core.io.UntrustedText;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a verified provenance statement must say beyond its signature: the expected source repository
 * and builder id (each optional), and that every subject is a file present with the same SHA-256.
 *
 * <p>Both match exactly, never by prefix ({@code https://github.com/o/r} does not accept
 * {@code https://github.com/o/r-evil}); the only freedom is the {@code @ref} a URI may end with, which an
 * expected value without one leaves open. The ref begins at the first {@code @} after the URI's authority.
 *
 * @param sourceRepo expected source, e.g. {@code https://github.com/o/r}: a resolved dependency's URI must equal
 *                   it once both lose a {@code git+} prefix, an {@code @ref}, a trailing {@code /} and a
 *                   {@code .git} suffix; {@code null} = not checked
 * @param builderId  expected {@code runDetails.builder.id}: equal to it, or — when the expected value has no
 *                   {@code @ref} — equal up to the {@code @ref} the id carries (so
 *                   {@code https://github.com/o/r/.github/workflows/release.yml} accepts
 *                   {@code …/release.yml@refs/heads/main}, not {@code …/release.yml-evil.yml@…});
 *                   {@code null} = not checked
 */
public record ProvenancePolicy(String sourceRepo, String builderId) {
    public static final ProvenancePolicy ANY = new ProvenancePolicy(null, null);

    /** True when a builder id or a source repository is expected. */
    public boolean checksOrigin() {
        return isSet(builderId) || isSet(sourceRepo);
    }

    /**
     * The statement of a signed provenance, when it is valid SLSA provenance v1: every violation of the
     * statement or predicate rules refuses it (a wrong predicateType included).
     */
    public static Statement provenance(ParsedStatement parsed) throws VerificationException {
        List<Violation> violations = parsed.violations();
        if (!violations.isEmpty()) {
            throw new VerificationException("the signed provenance is not valid SLSA provenance v1: "
                    + violations.get(0) + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        }
        return parsed.statement();
    }

    /**
     * Subjects, then {@link #checkOrigin}.
     *
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
                throw new VerificationException(
                        "provenance subject " + UntrustedText.clean(s.name()) + " is not among the files checked");
            }
            if (!actual.equalsIgnoreCase(expected == null ? "" : expected)) {
                throw new VerificationException("subject digest mismatch: the provenance says "
                        + UntrustedText.clean(s.name()) + " has sha256:" + UntrustedText.clean(expected)
                        + ", the file has sha256:" + actual);
            }
        }
        checkOrigin(statement);
    }

    /** The builder id and the source repository, each when expected (standalone: the artifact is one subject). */
    public void checkOrigin(Statement statement) throws VerificationException {
        Provenance p = statement.predicate();
        if (isSet(builderId)) {
            String id = p == null || p.runDetails() == null || p.runDetails().builder() == null
                    ? null
                    : p.runDetails().builder().id();
            if (!sameBuilder(id, builderId)) {
                throw new VerificationException("builder id is " + UntrustedText.quote(id) + ", expected " + builderId);
            }
        }
        if (isSet(sourceRepo)) {
            String want = repository(sourceRepo);
            boolean found = p != null
                    && p.buildDefinition() != null
                    && p.buildDefinition().resolvedDependencies() != null
                    && p.buildDefinition().resolvedDependencies().stream()
                            .map(ResourceDescriptor::uri)
                            .anyMatch(u -> u != null && repository(u).equals(want));
            if (!found) {
                throw new VerificationException("the provenance names no source from " + sourceRepo);
            }
        }
    }

    /** Exact, or exact up to the id's {@code @ref} when the expected value names none. */
    static boolean sameBuilder(String actual, String expected) {
        if (actual == null) {
            return false;
        }
        return actual.equals(expected)
                || expected.equals(withoutRef(expected)) && withoutRef(actual).equals(expected);
    }

    /** A repository URI without {@code git+}, {@code @ref}, trailing {@code /} and {@code .git}, for comparison. */
    static String repository(String uri) {
        String u = withoutRef(uri.startsWith("git+") ? uri.substring(4) : uri);
        u = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
    }

    /** The URI up to its {@code @ref}: the first {@code @} after the authority (an {@code @} before it is user-info). */
    static String withoutRef(String uri) {
        int scheme = uri.indexOf("://");
        int pathStart = scheme < 0 ? 0 : uri.indexOf('/', scheme + 3);
        if (pathStart < 0) {
            return uri;
        }
        int at = uri.indexOf('@', pathStart);
        return at < 0 ? uri : uri.substring(0, at);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "ProvenancePolicy[sourceRepo=" + Objects.toString(sourceRepo, "-") + ", builderId="
                + Objects.toString(builderId, "-") + "]";
    }
}
