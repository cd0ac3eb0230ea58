package dev.ard.core.attest.model;

/**
 * A bundle did not verify; the message names the one reason (digest mismatch, bad signature, wrong key,
 * …) in a single line a build log can show. It never carries key material or tokens.
 */
public class VerificationException extends Exception {
    private static final long serialVersionUID = 1L;

    public VerificationException(String message) {
        super(message);
    }

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
