package dev.duplex.net.client;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.Problem;
import dev.duplex.net.Problems;
import dev.duplex.protocol.AcceptCheck;
import dev.duplex.tls.TlsProblem;

import java.security.cert.CertificateException;

import javax.net.ssl.SSLException;

/**
 * Why a connection never opened, in words a person can act on: no answer to the upgrade, a wrong
 * {@code Sec-WebSocket-Accept}, an HTTP status other than 101, a certificate refused (and which), or the
 * cause the JDK or the library gave. Read from the server's answer as the wire tap kept it, which says
 * more than the library's message does.
 */
final class HandshakeFailure {
    private HandshakeFailure() { }

    /**
     * @param timedOut   no answer to the upgrade came in time
     * @param handshake  the handshake as the wire tap read it, or null when none was read
     * @param reason     the library's reason for the close
     * @param tlsRefusal why the server's certificate was refused, as the trust manager said it, or null
     * @param error      the error the library reported before the close, or null
     */
    static Problem of(boolean timedOut, HandshakeRecord handshake, String reason, CertificateException tlsRefusal,
            Exception error) {
        if (timedOut) {
            return new Problem(Problem.Kind.TIMED_OUT, "no answer to the upgrade request");
        }
        String status = handshake == null ? "" : handshake.statusLine();
        boolean switching = handshake != null && handshake.status() == 101;
        if (switching) {
            String sent = handshake.responseHeader("Sec-WebSocket-Accept");
            String due = AcceptCheck.of(handshake.requestHeader("Sec-WebSocket-Key")).expectedAccept();
            if (!sent.equals(due)) {
                return new Problem(Problem.Kind.WRONG_ACCEPT, (sent.isEmpty() ? "(none)" : sent) + " ≠ " + due);
            }
        }
        if (status.startsWith("HTTP/") && !switching) {
            return new Problem(Problem.Kind.HANDSHAKE_REFUSED, withoutVersion(status));
        }
        // When the tap read no answer, the library's own message may still carry the status line.
        int at = reason.indexOf("Status line: ");
        if (at >= 0) {
            return new Problem(Problem.Kind.HANDSHAKE_REFUSED, withoutVersion(reason.substring(at + 13).strip()));
        }
        if (tlsRefusal != null) return tlsProblem(tlsRefusal);
        if (error != null && isTls(error)) return tlsProblem(error);
        if (error != null) return Problems.of(error);
        if (status.startsWith("HTTP/")) return new Problem(Problem.Kind.BAD_HANDSHAKE, reason);
        return new Problem(Problem.Kind.OTHER, reason.isEmpty() ? "the connection closed before it opened" : reason);
    }

    /** "HTTP/1.1 403 Forbidden" as "HTTP 403 Forbidden". */
    private static String withoutVersion(String statusLine) {
        return statusLine.replaceFirst("^HTTP/[0-9.]+ ", "HTTP ");
    }

    private static boolean isTls(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SSLException || c instanceof CertificateException) return true;
        }
        return false;
    }

    /**
     * A failed TLS handshake as the user can act on it: expired, unknown issuer (self-signed), wrong host,
     * or other; the detail is the server certificate's fingerprint when it is known, so the window can
     * offer to trust that one certificate.
     */
    private static Problem tlsProblem(Throwable failure) {
        TlsProblem p = TlsProblem.of(failure);
        Problem.Kind kind = switch (p.kind()) {
            case EXPIRED, NOT_YET_VALID -> Problem.Kind.TLS_EXPIRED;
            case UNKNOWN_ISSUER -> Problem.Kind.TLS_UNKNOWN_ISSUER;
            case WRONG_HOST -> Problem.Kind.TLS_WRONG_HOST;
            case OTHER -> Problem.Kind.TLS_FAILED;
        };
        String fingerprint = p.fingerprint() == null ? "" : p.fingerprint().toString();
        return new Problem(kind, kind == Problem.Kind.TLS_FAILED ? String.valueOf(p.detail()) : fingerprint);
    }
}
