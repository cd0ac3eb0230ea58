package dev.ard.core.attest.json;

/**
 * The input is not a statement at all: not JSON, too large, too deep, duplicate keys, a payload that
 * is not base64. The message is one line a user can act on and never quotes the input.
 */
public final class ProvenanceFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProvenanceFormatException(String message) {
        super(message);
    }
}
