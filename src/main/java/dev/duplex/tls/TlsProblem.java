package dev.duplex.tls;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Why a TLS connection failed, in the few kinds a user can act on, with the server's certificate and its
 * fingerprint when they are known, so a UI can offer to trust that one certificate by its fingerprint.
 *
 * <p>The certificate is known when the failure came from a {@link TlsContexts#client} context, whose trust
 * manager throws a {@link ServerCertificateException} carrying the chain; for other failures (a timeout,
 * a server that does not speak TLS) it is null.
 *
 * @param kind        what went wrong
 * @param certificate the server's own certificate, or null when the failure did not get as far as it
 * @param fingerprint its SHA-256 fingerprint, or null with it
 * @param detail      the most specific message of the failure's chain of causes, for a log or a "details" box
 */
public record TlsProblem(Kind kind, X509Certificate certificate, Fingerprint fingerprint, String detail) {

    /**
     * What went wrong. When several did (a self-signed certificate that has also expired), the order here
     * is the order of precedence, the host name aside: it is checked only once the chain was trusted.
     */
    public enum Kind {
        /** The server's certificate is past its end date (its chain may be untrusted too). */
        EXPIRED,
        /** The server's certificate is not valid yet: its start date is ahead of this machine's clock. */
        NOT_YET_VALID,
        /**
         * No chain from the server's certificate to a certificate this client trusts: self-signed, or from a
         * private CA. A pin of its fingerprint is the way to trust it.
         */
        UNKNOWN_ISSUER,
        /**
         * The certificate was trusted but does not name the host connected to (no Subject Alternative Name
         * matches). A pin with {@link TlsContexts.PinnedHost#CHECKED} does not change this; one with
         * {@link TlsContexts.PinnedHost#NOT_CHECKED} does.
         */
        WRONG_HOST,
        /** Anything else: no common protocol or cipher, a server that does not speak TLS, a timeout, ... */
        OTHER
    }

    /**
     * The JDK's wording for a name mismatch. Only for failures from trust managers other than ours: ours say
     * structurally that the chain was trusted and the connection's check refused it.
     */
    private static final Pattern HOST_MISMATCH = Pattern.compile("No subject alternative|No name matching");

    /** Reads {@code failure} (an SSLHandshakeException, or any exception with one among its causes). */
    public static TlsProblem of(Throwable failure) {
        List<Throwable> all = causesAndSuppressed(failure);
        ServerCertificateException refused = first(all, ServerCertificateException.class);
        X509Certificate certificate = refused != null ? refused.certificate() : null;
        return new TlsProblem(kind(all, refused), certificate,
                certificate != null ? Fingerprint.of(certificate) : null, detail(failure));
    }

    private static Kind kind(List<Throwable> all, ServerCertificateException refused) {
        if (refused != null && refused.chainTrusted()) {
            return Kind.WRONG_HOST;
        }
        for (Throwable t : all) {
            if (t instanceof CertificateExpiredException
                    || t instanceof CertPathValidatorException v && v.getReason() == BasicReason.EXPIRED) {
                return Kind.EXPIRED;
            }
            if (t instanceof CertificateNotYetValidException
                    || t instanceof CertPathValidatorException v && v.getReason() == BasicReason.NOT_YET_VALID) {
                return Kind.NOT_YET_VALID;
            }
        }
        // The JDK stops at the first problem, and for a self-signed certificate that is the missing issuer:
        // it never looks at the dates. They are the more useful thing to tell, and a pin does not mind them.
        if (refused != null) {
            try {
                refused.certificate().checkValidity(Date.from(refused.checkedAt()));
            } catch (CertificateExpiredException e) {
                return Kind.EXPIRED;
            } catch (CertificateNotYetValidException e) {
                return Kind.NOT_YET_VALID;
            }
        }
        for (Throwable t : all) {
            if (t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException v && v.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
                return Kind.UNKNOWN_ISSUER;
            }
        }
        if (refused == null) {
            for (Throwable t : all) {
                if (t.getMessage() != null && HOST_MISMATCH.matcher(t.getMessage()).find()) {
                    return Kind.WRONG_HOST;
                }
            }
        }
        return Kind.OTHER;
    }

    /** The message nearest the root cause: the JDK's outer messages repeat it behind class names. */
    private static String detail(Throwable failure) {
        String detail = null;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t.getMessage() != null) {
                detail = t.getMessage();
            }
        }
        return detail;
    }

    /** The failure, its causes and their suppressed exceptions, each once (a cycle cannot loop). */
    private static List<Throwable> causesAndSuppressed(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> all = new ArrayList<>();
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty()) {
            Throwable t = next.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            Collections.addAll(next, t.getSuppressed());
        }
        return all;
    }

    private static <T> T first(List<Throwable> all, Class<T> type) {
        for (Throwable t : all) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
