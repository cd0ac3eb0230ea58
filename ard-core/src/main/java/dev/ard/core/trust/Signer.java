package dev.ard.core.trust;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who signed a bundle that verified: a Fulcio certificate's OIDC issuer and identity (its SAN: a workflow URI or an
 * e-mail), or a public key's hint (ARD's: the key's SHA-256).
 *
 * @param issuer   the OIDC issuer, or {@code null} for a key
 * @param identity the certificate identity, or the key hint
 */
public record Signer(String issuer, String identity) {
    /** A ref at the end of a workflow identity: releases of one project are signed by one workflow at their tags. */
    private static final Pattern REF = Pattern.compile("@refs/(tags|heads)/[^@\\s]+$");

    public Signer {
        Objects.requireNonNull(identity, "identity");
    }

    public static Signer keyless(String issuer, String identity) {
        return new Signer(Objects.requireNonNull(issuer, "issuer"), identity);
    }

    public static Signer key(String hint) {
        return new Signer(null, hint);
    }

    public boolean isKey() {
        return issuer == null;
    }

    /**
     * The signer without the ref of a workflow identity ({@code …/release.yml@refs/tags/v2.0.0} → {@code
     * …/release.yml}): the lock file compares signers of new versions by it, so an upgrade signed by the same workflow
     * of the same repository is the same signer, and another workflow, repository or issuer is not.
     */
    public Signer stable() {
        return isKey() ? this : new Signer(issuer, REF.matcher(identity).replaceFirst(""));
    }

    /** {@code keyless <issuer> <identity>} or {@code key <hint>}: the lock file's and the report's spelling. */
    @Override
    public String toString() {
        return isKey() ? "key " + identity : "keyless " + issuer + " " + identity;
    }

    /** The inverse of {@link #toString()}; {@code null} when it is neither form or a part holds white space. */
    public static Signer parse(String text) {
        String[] p = text.split(" ", -1);
        if (p.length == 2 && p[0].equals("key") && !p[1].isEmpty()) {
            return key(p[1]);
        }
        if (p.length == 3 && p[0].equals("keyless") && !p[1].isEmpty() && !p[2].isEmpty()) {
            return keyless(p[1], p[2]);
        }
        return null;
    }
}
