package dev.ard.maven.plugin.sigstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.io.BoundedFiles;
import dev.ard.core.io.UntrustedText;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Rules of {@code trusted_root.json} that sigstore-java 2.0.0 does not enforce, checked before it loads
 * the file. The one known today: every transparency log, CT log, CA and TSA must have a validity
 * <b>start</b>. sigstore-java treats a missing start as "valid since forever", so a key that was
 * never meant to cover old signatures would (conformance case
 * {@code trust-root-tlog-missing-validity-start_fail}, which sigstore-js also accepts).
 */
final class TrustedRootCheck {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The public-good trusted_root.json is about 10 KB; a few MiB leaves room for private instances' key history. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private TrustedRootCheck() {}

    static void check(Path trustedRoot) throws VerificationException {
        JsonNode root;
        try {
            root = MAPPER.readTree(BoundedFiles.read(trustedRoot, MAX_BYTES, "trusted root"));
        } catch (JsonProcessingException e) {
            throw new VerificationException("trusted root " + trustedRoot.getFileName() + " is not readable JSON");
        } catch (IOException e) {
            throw new VerificationException(e.getMessage());
        }
        for (String list : new String[] {"tlogs", "ctlogs"}) {
            for (JsonNode log : root.path(list)) {
                if (log.path("publicKey")
                        .path("validFor")
                        .path("start")
                        .asText("")
                        .isEmpty()) {
                    throw new VerificationException("trusted root " + trustedRoot.getFileName() + ": " + list
                            + " entry "
                            + UntrustedText.quote(log.path("baseUrl").asText("?"))
                            + " has no validFor.start; refusing a malformed trust root");
                }
            }
        }
        for (String list : new String[] {"certificateAuthorities", "timestampAuthorities"}) {
            for (JsonNode authority : root.path(list)) {
                if (authority.path("validFor").path("start").asText("").isEmpty()) {
                    throw new VerificationException("trusted root " + trustedRoot.getFileName() + ": " + list
                            + " entry "
                            + UntrustedText.quote(authority.path("uri").asText("?"))
                            + " has no validFor.start; refusing a malformed trust root");
                }
            }
        }
    }
}
