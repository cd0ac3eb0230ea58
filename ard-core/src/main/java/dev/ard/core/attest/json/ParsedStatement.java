package dev.ard.core.attest.json;

import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Violation;
import java.util.List;

/**
 * A statement read back, with every rule it breaks.
 *
 * @param statement  the statement as far as it could be mapped (fields of the wrong type are left out)
 * @param envelope   where it came from: {@code statement} (bare JSON), {@code dsse} (a DSSE envelope) or
 *                   {@code sigstore-bundle} (a Sigstore bundle's {@code dsseEnvelope}); signatures are
 *                   not checked here
 * @param violations in-toto / SLSA rules the statement breaks, empty when it is valid
 */
public record ParsedStatement(Statement statement, String envelope, List<Violation> violations) {
    public ParsedStatement {
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
