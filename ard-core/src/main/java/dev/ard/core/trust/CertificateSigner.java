package dev.ard.core.trust;

import dev.ard.core.attest.model.VerificationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Who a Fulcio certificate was issued to: the OIDC issuer (Fulcio's extension {@code 1.3.6.1.4.1.57264.1.8}, a DER
 * UTF8String, else the deprecated {@code .1.1}, raw bytes) and the identity (the Subject Alternative Name: a URI such as
 * a GitHub workflow, or an e-mail). Read only after the certificate chain verified; a certificate without either is
 * refused, never treated as anyone.
 */
public final class CertificateSigner {
    private static final String ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
    private static final String ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
    private static final int SAN_EMAIL = 1;
    private static final int SAN_URI = 6;

    private CertificateSigner() {}

    /** The signer named by the leaf certificate (DER). */
    public static Signer of(byte[] der) throws VerificationException {
        X509Certificate cert;
        try {
            cert = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new VerificationException("the signing certificate cannot be read");
        }
        String issuer = issuer(cert);
        if (issuer == null || issuer.isBlank()) {
            throw new VerificationException("the signing certificate names no OIDC issuer");
        }
        String identity = identity(cert);
        if (identity == null || identity.isBlank() || identity.contains(" ") || issuer.contains(" ")) {
            throw new VerificationException("the signing certificate names no identity (SAN URI or e-mail)");
        }
        return Signer.keyless(issuer, identity);
    }

    private static String identity(X509Certificate cert) throws VerificationException {
        Collection<List<?>> names;
        try {
            names = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new VerificationException("the signing certificate's Subject Alternative Name cannot be read");
        }
        if (names == null) {
            return null;
        }
        for (List<?> name : names) {
            Object type = name.get(0);
            if ((Integer.valueOf(SAN_URI).equals(type)
                            || Integer.valueOf(SAN_EMAIL).equals(type))
                    && name.get(1) instanceof String s) {
                return s;
            }
        }
        return null;
    }

    private static String issuer(X509Certificate cert) throws VerificationException {
        byte[] v2 = extension(cert, ISSUER_V2);
        if (v2 != null) {
            byte[] utf8 = derValue(v2, 0x0C);
            if (utf8 == null) {
                throw new VerificationException("the signing certificate's issuer extension is not a UTF8String");
            }
            return new String(utf8, StandardCharsets.UTF_8);
        }
        byte[] v1 = extension(cert, ISSUER_V1);
        return v1 == null ? null : new String(v1, StandardCharsets.UTF_8);
    }

    /** The extension's value: {@link X509Certificate#getExtensionValue} wraps it in an OCTET STRING. */
    private static byte[] extension(X509Certificate cert, String oid) throws VerificationException {
        byte[] wrapped = cert.getExtensionValue(oid);
        if (wrapped == null) {
            return null;
        }
        byte[] value = derValue(wrapped, 0x04);
        if (value == null) {
            throw new VerificationException("the signing certificate's extension " + oid + " is malformed");
        }
        return value;
    }

    /** The content of one DER element with this tag spanning all of {@code der}, or {@code null}. */
    static byte[] derValue(byte[] der, int tag) {
        if (der.length < 2 || (der[0] & 0xFF) != tag) {
            return null;
        }
        int first = der[1] & 0xFF;
        int offset = 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int bytes = first & 0x7F;
            if (bytes < 1 || bytes > 3 || der.length < 2 + bytes) {
                return null;
            }
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[2 + i] & 0xFF);
            }
            offset += bytes;
        }
        return offset + length == der.length ? Arrays.copyOfRange(der, offset, der.length) : null;
    }
}
