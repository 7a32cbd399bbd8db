package dev.duplex.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import dev.duplex.tls.TlsProblem.Kind;

/**
 * The classification on its own, with exception chains shaped as the JDK's: from our trust manager (carrying
 * the chain) and from others (carrying nothing but causes and messages). The real handshakes are in
 * {@link TlsContextsTest}.
 */
class TlsProblemTest {
    private static final Instant NOW = Instant.now();

    private static SSLHandshakeException handshakeFailure(Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(cause.getMessage());
        e.initCause(cause);
        return e;
    }

    private static CertificateException certificateException(String message, Throwable cause) {
        return new CertificateException(message, cause);
    }

    private static ServerCertificateException refusal(ServerIdentity identity, CertificateException jdk,
            boolean chainTrusted) {
        return new ServerCertificateException(jdk, identity.chain().toArray(new X509Certificate[0]), false,
                chainTrusted, NOW);
    }

    private static TlsProblem of(Throwable cause) {
        return TlsProblem.of(handshakeFailure(cause));
    }

    @Test
    void whatTheValidatorSaysOfDatesIsExpiredOrNotYetValid() {
        CertPathValidatorException expired = new CertPathValidatorException("validity check failed", null, null, -1,
                BasicReason.EXPIRED);
        assertEquals(Kind.EXPIRED, of(certificateException("validity check failed", expired)).kind());
        assertEquals(Kind.EXPIRED, of(new CertificateExpiredException("NotAfter: ...")).kind());

        CertPathValidatorException early = new CertPathValidatorException("validity check failed", null, null, -1,
                BasicReason.NOT_YET_VALID);
        assertEquals(Kind.NOT_YET_VALID, of(certificateException("validity check failed", early)).kind());
        assertEquals(Kind.NOT_YET_VALID, of(new CertificateNotYetValidException("NotBefore: ...")).kind());
    }

    @Test
    void noPathToATrustedCertificateIsAnUnknownIssuer() {
        CertPathBuilderException building = new CertPathBuilderException(
                "unable to find valid certification path to requested target");
        TlsProblem problem = of(certificateException("PKIX path building failed: " + building, building));
        assertEquals(Kind.UNKNOWN_ISSUER, problem.kind());
        assertEquals("unable to find valid certification path to requested target", problem.detail());

        CertPathValidatorException noAnchor = new CertPathValidatorException("no trust anchor", null, null, -1,
                PKIXReason.NO_TRUST_ANCHOR);
        assertEquals(Kind.UNKNOWN_ISSUER, of(certificateException("PKIX path validation failed", noAnchor)).kind());
    }

    @Test
    void aSelfSignedCertificateOutOfItsDatesIsExpiredOrNotYetValidRatherThanOfAnUnknownIssuer() {
        CertPathBuilderException building = new CertPathBuilderException("unable to find valid certification path");
        ServerIdentity expired = SelfSignedCertificate.generate(SelfSignedCertificate.LOCAL_NAMES,
                NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(2)));
        ServerIdentity future = SelfSignedCertificate.generate(SelfSignedCertificate.LOCAL_NAMES,
                NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(9)));

        TlsProblem old = of(refusal(expired, certificateException("PKIX path building failed", building), false));
        assertEquals(Kind.EXPIRED, old.kind());
        assertEquals(expired.fingerprint(), old.fingerprint());
        assertEquals(Kind.NOT_YET_VALID,
                of(refusal(future, certificateException("PKIX path building failed", building), false)).kind());
    }

    @Test
    void aTrustedChainRefusedByTheConnectionIsTheWrongHost() {
        ServerIdentity identity = SelfSignedCertificate.generate();
        TlsProblem problem = of(refusal(identity,
                new CertificateException("No subject alternative DNS name matching example.org found."), true));
        assertEquals(Kind.WRONG_HOST, problem.kind());
        assertEquals(identity.certificate(), problem.certificate());
        assertEquals(identity.fingerprint(), problem.fingerprint());
    }

    @Test
    void otherTrustManagersHostRefusalsAreKnownByTheJdksWords() {
        for (String message : List.of("No subject alternative DNS name matching example.org found.",
                "No subject alternative names matching IP address 127.0.0.1 found",
                "No subject alternative names present", "No name matching example.org found")) {
            TlsProblem problem = of(new CertificateException(message));
            assertEquals(Kind.WRONG_HOST, problem.kind(), message);
            assertNull(problem.certificate());
        }
    }

    @Test
    void anythingElseIsOtherWithNoCertificate() {
        TlsProblem timeout = TlsProblem.of(new SocketTimeoutException("Read timed out"));
        assertEquals(Kind.OTHER, timeout.kind());
        assertEquals("Read timed out", timeout.detail());
        assertNull(timeout.certificate());
        assertNull(timeout.fingerprint());
        assertEquals(Kind.OTHER, of(new SSLHandshakeException("No appropriate protocol")).kind());
        assertEquals(Kind.OTHER, TlsProblem.of(new IOException((String) null)).kind());
    }

    @Test
    void aChainOfCausesFoundInsideOtherExceptionsOrLoopingBackIsStillRead() {
        CertPathBuilderException building = new CertPathBuilderException("unable to find valid certification path");
        IOException wrapped = new IOException("connect failed", handshakeFailure(building));
        assertEquals(Kind.UNKNOWN_ISSUER, TlsProblem.of(wrapped).kind());

        IOException a = new IOException("a");
        IOException b = new IOException("b", a);
        a.initCause(b); // a cycle, which Throwable allows as long as no exception is its own cause
        assertEquals(Kind.OTHER, TlsProblem.of(a).kind());
    }
}
