package dev.ard.core.trust;

/** The trust policy or lock file cannot be used; the message names the file, the line and the reason. */
public class TrustPolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    public TrustPolicyException(String message) {
        super(message);
    }
}
