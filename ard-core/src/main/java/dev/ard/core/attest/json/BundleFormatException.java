package dev.ard.core.attest.json;

import dev.ard.core.attest.model.VerificationException;

/** A bundle that cannot be read: not JSON, too large, an unknown media type or a missing part. One line, no input echoed beyond a short token. */
public final class BundleFormatException extends VerificationException {
    private static final long serialVersionUID = 1L;

    public BundleFormatException(String message) {
        super(message);
    }
}
