package dev.duplex.net.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.SocketException;
import java.security.cert.CertificateException;
import java.util.List;

import javax.net.ssl.SSLException;

import org.junit.jupiter.api.Test;

import dev.duplex.net.HandshakeRecord;
import dev.duplex.net.Problem;
import dev.duplex.tls.TlsFacts;

/**
 * How a connection that never opened is read once the server asked for a client certificate: the alerts,
 * nginx's 400, and a server that dropped the connection (its alert lost to the RST our request met); and what
 * is not read so: a refused server certificate, an application's own 400, a server that did not ask.
 */
class HandshakeFailureTest {
    private static final TlsFacts.ClientAuth ASKED_NONE_SENT = new TlsFacts.ClientAuth(true, List.of(), "", false);
    private static final TlsFacts.ClientAuth ASKED_SENT = new TlsFacts.ClientAuth(true, List.of(), "CN=me", true);
    private static final HandshakeRecord NO_ANSWER = new HandshakeRecord("GET / HTTP/1.1\r\n\r\n", "");

    private static HandshakeRecord answered(String response) {
        return new HandshakeRecord("GET / HTTP/1.1\r\nHost: h\r\n\r\n", response);
    }

    @Test
    void alertsSayWhich() {
        assertEquals(Problem.Kind.TLS_CLIENT_CERT_REQUIRED, HandshakeFailure.of(false, NO_ANSWER, "", null,
                new SSLException("Received fatal alert: certificate_required"), ASKED_NONE_SENT).kind());
        Problem refused = HandshakeFailure.of(false, NO_ANSWER, "", null,
                new SSLException("Received fatal alert: unknown_ca"), ASKED_SENT);
        assertEquals(Problem.Kind.TLS_CLIENT_CERT_REFUSED, refused.kind());
        assertEquals("CN=me (unknown_ca)", refused.detail());
    }

    @Test
    void aDroppedConnectionAfterTheRequestIsReadAsTheCertificatesToo() {
        assertEquals(Problem.Kind.TLS_CLIENT_CERT_REQUIRED,
                HandshakeFailure.of(false, NO_ANSWER, "", null, null, ASKED_NONE_SENT).kind());
        assertEquals(Problem.Kind.TLS_CLIENT_CERT_REFUSED, HandshakeFailure.of(false, NO_ANSWER, "", null,
                new SocketException("Connection reset"), ASKED_SENT).kind());
    }

    @Test
    void nginxsFourHundredIsReadButAnApplicationsOwnIsNot() {
        HandshakeRecord nginx = answered("HTTP/1.1 400 Bad Request\r\nServer: nginx\r\n\r\n"
                + "<center>The SSL certificate error</center>");
        assertEquals(Problem.Kind.TLS_CLIENT_CERT_REFUSED, HandshakeFailure.of(false, nginx, "", null, null, ASKED_SENT).kind());
        HandshakeRecord app = answered("HTTP/1.1 400 Bad Request\r\n\r\nmissing ?room=");
        assertEquals(Problem.Kind.HANDSHAKE_REFUSED, HandshakeFailure.of(false, app, "", null, null, ASKED_SENT).kind());
    }

    @Test
    void aRefusedServerCertificateOrAServerThatDidNotAskIsReadAsBefore() {
        CertificateException refused = new CertificateException("PKIX path building failed");
        assertEquals(Problem.Kind.TLS_FAILED, HandshakeFailure.of(false, NO_ANSWER, "", refused, null, ASKED_NONE_SENT).kind());
        TlsFacts.ClientAuth notAsked = TlsFacts.ClientAuth.NOT_ASKED;
        assertEquals(Problem.Kind.OTHER, HandshakeFailure.of(false, NO_ANSWER, "", null, null, notAsked).kind());
        assertEquals(Problem.Kind.TIMED_OUT, HandshakeFailure.of(true, NO_ANSWER, "", null, null, ASKED_NONE_SENT).kind());
    }
}
