package dev.ard.core.attest.model;

/**
 * One rule a parsed statement breaks.
 *
 * @param path    JSON path of the offending field, e.g. {@code subject[0].digest.sha256}
 * @param message what is wrong, one line, never the offending value itself (it may be long or hostile)
 */
public record Violation(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
