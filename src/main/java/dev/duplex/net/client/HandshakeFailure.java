package dev.duplex.net.client;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.Problem;
import dev.duplex.net.Problems;
import dev.duplex.protocol.AcceptCheck;
import dev.duplex.tls.TlsFacts;
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
     * @param clientAuth what the client did about a certificate request, or null on ws://
     */
    static Problem of(boolean timedOut, HandshakeRecord handshake, String reason, CertificateException tlsRefusal,
            Exception error, TlsFacts.ClientAuth clientAuth) {
        Problem certificate = timedOut || tlsRefusal != null ? null : clientCertificate(handshake, error, clientAuth);
        if (certificate != null) return certificate;
        return of(timedOut, handshake, reason, tlsRefusal, error);
    }

    /** The TLS alerts by which a server says it refused a client certificate (RFC 8446 6.2). */
    private static final java.util.regex.Pattern REFUSAL_ALERT = java.util.regex.Pattern.compile(
            "fatal alert: (bad_certificate|unknown_ca|certificate_unknown|certificate_expired|certificate_revoked"
            + "|unsupported_certificate|access_denied|decrypt_error|certificate_required|handshake_failure)");

    /**
     * A failure that comes of a client certificate: the server asked for one and either said it needs one
     * (certificate_required, or an HTTP 400 as nginx answers) or refused the one sent (bad_certificate,
     * unknown_ca, ..., or that 400). With TLS 1.3 the server's verdict comes after the client's handshake is
     * done, so the alert often arrives on the first read, as the library's error before open. Null when
     * the failure had nothing to do with a client certificate.
     */
    private static Problem clientCertificate(HandshakeRecord handshake, Exception error, TlsFacts.ClientAuth auth) {
        if (auth == null || !auth.asked()) return null;
        String alert = null;
        for (Throwable c = error; c != null && alert == null; c = c.getCause() == c ? null : c.getCause()) {
            java.util.regex.Matcher m = c.getMessage() == null ? null : REFUSAL_ALERT.matcher(c.getMessage());
            if (m != null && m.find()) alert = m.group(1);
        }
        String how = null;
        if (alert != null) {
            how = alert;
        } else if (handshake != null && handshake.status() == 400 && (auth.sent().isEmpty()
                || handshake.response().toLowerCase(java.util.Locale.ROOT).contains("certificate"))) {
            // nginx's words: "400 No required SSL certificate was sent", "400 The SSL certificate error". A 400
            // after a certificate went is taken as its refusal only when the answer speaks of a certificate.
            how = withoutVersion(handshake.statusLine());
        } else if ((handshake == null || handshake.response().isEmpty()) && droppedConnection(error)) {
            // The server sent its alert and closed; our upgrade request, written meanwhile, met the closed
            // socket, and the RST that answered it threw the unread alert away. Asked for a certificate and then
            // dropped without a word: that is the likeliest reading.
            how = "the server closed the connection after TLS, without an answer";
        }
        if (how == null) return null;
        boolean none = auth.sent().isEmpty();
        if (none || "certificate_required".equals(alert)) return new Problem(Problem.Kind.TLS_CLIENT_CERT_REQUIRED, how);
        return new Problem(Problem.Kind.TLS_CLIENT_CERT_REFUSED, auth.sent() + " (" + how + ")");
    }

    /** No error, or one that says only that the peer dropped the connection (reset, closed, broken pipe, EOF). */
    private static boolean droppedConnection(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.SocketException || c instanceof java.io.EOFException) return true;
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (m.contains("reset") || m.contains("broken pipe") || m.contains("closed")) return true;
        }
        return error == null;
    }

    private static Problem of(boolean timedOut, HandshakeRecord handshake, String reason, CertificateException tlsRefusal,
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
