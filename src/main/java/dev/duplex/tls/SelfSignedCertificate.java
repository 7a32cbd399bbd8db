package dev.duplex.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A key and a self-signed certificate for the embedded server's wss://: EC P-256, SHA256withECDSA, X.509 v3,
 * subject and issuer {@value #SUBJECT_CN}, naming the host in the Subject Alternative Name (clients check the
 * host there, not in the CN) and marked for a TLS server only: basicConstraints CA:false (it can sign nothing),
 * keyUsage digitalSignature (what an ECDHE_ECDSA server does with its key) and extendedKeyUsage serverAuth.
 *
 * <p>The JDK has no public API to build a certificate, so the TBSCertificate is written with {@link Der} and
 * signed with {@link Signature}; the result is read back with {@link CertificateFactory} and its signature
 * verified, so a mistake in the encoding fails here rather than in a client's handshake.
 */
public final class SelfSignedCertificate {
    /** The loopback names a local server is reached by: clients may use any of them in a URL. */
    public static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "::1");
    /**
     * Apple's platforms refuse a TLS server certificate valid for longer than 825 days, even a self-signed
     * one a user chose to trust; no longer, so the same certificate works there.
     */
    public static final int DEFAULT_DAYS = 825;
    public static final String SUBJECT_CN = "Duplex local server";

    private static final String OID_COMMON_NAME = "2.5.4.3";
    private static final String OID_ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String OID_BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String OID_KEY_USAGE = "2.5.29.15";
    private static final String OID_EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String OID_SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String OID_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DNS_NAME = Pattern.compile("(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificate() { }

    /** For {@link #LOCAL_NAMES}, valid from a day ago for {@value #DEFAULT_DAYS} days. */
    public static ServerIdentity generate() {
        return generate(DEFAULT_DAYS);
    }

    /**
     * For {@link #LOCAL_NAMES}, valid for {@code days} days from a day ago: the day is for clocks that run
     * behind, as a certificate that is not valid yet is refused like an expired one.
     */
    public static ServerIdentity generate(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a certificate must be valid for at least a day, not " + days);
        }
        Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        return generate(LOCAL_NAMES, notBefore, notBefore.plus(Duration.ofDays(days)));
    }

    /**
     * For any names and validity: a server elsewhere, or (in tests) a certificate that has expired or names
     * another host.
     *
     * @param names host names (ASCII; an internationalised name in its xn-- form) and IP address literals, each
     *              becoming a DNS or an IP entry of the Subject Alternative Name
     */
    public static ServerIdentity generate(List<String> names, Instant notBefore, Instant notAfter) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate must name at least one host");
        }
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("the certificate would end (" + notAfter + ") before it starts ("
                    + notBefore + ")");
        }
        byte[] subjectAltName = subjectAltName(names);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();

            byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(OID_COMMON_NAME), Der.utf8String(SUBJECT_CN))));
            byte[] algorithm = Der.sequence(Der.oid(OID_ECDSA_WITH_SHA256)); // ECDSA takes no parameters
            byte[] tbs = Der.sequence(
                    Der.explicit(0, Der.integer(BigInteger.TWO)), // v3, as it has extensions
                    Der.integer(serialNumber()),
                    algorithm,
                    name, // issuer: itself
                    Der.sequence(Der.time(notBefore), Der.time(notAfter)),
                    name,
                    keys.getPublic().getEncoded(), // already a DER SubjectPublicKeyInfo
                    Der.explicit(3, Der.sequence(
                            extension(OID_BASIC_CONSTRAINTS, true, Der.sequence()), // cA defaults to false
                            extension(OID_KEY_USAGE, true, Der.bitString(7, new byte[] {(byte) 0x80})),
                            extension(OID_EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(OID_SERVER_AUTH))),
                            extension(OID_SUBJECT_ALT_NAME, false, subjectAltName))));

            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate(), RANDOM);
            signer.update(tbs);
            byte[] der = Der.sequence(tbs, algorithm, Der.bitString(0, signer.sign()));

            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            certificate.verify(keys.getPublic());
            return new ServerIdentity(keys.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException e) {
            // EC P-256 and SHA256withECDSA are in every JDK 17; failing here is a bug in this class.
            throw new IllegalStateException("could not make a self-signed certificate", e);
        }
    }

    /** Positive, random and at most 20 bytes (RFC 5280 4.1.2.2): no two certificates share one. */
    private static BigInteger serialNumber() {
        return new BigInteger(128, RANDOM).setBit(127);
    }

    /** The critical flag is left out when false: DER omits a field that has its default value. */
    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    /** GeneralNames: dNSName is [2] IA5String, iPAddress is [7] OCTET STRING of the address's 4 or 16 bytes. */
    private static byte[] subjectAltName(List<String> names) {
        ByteArrayOutputStream generalNames = new ByteArrayOutputStream();
        for (String name : names) {
            String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
            if (IPV4.matcher(bare).matches()) {
                generalNames.writeBytes(Der.implicit(7, ipv4(bare)));
            } else if (bare.contains(":")) {
                generalNames.writeBytes(Der.implicit(7, ipv6(bare)));
            } else if (DNS_NAME.matcher(bare).matches()) {
                generalNames.writeBytes(Der.implicit(2, bare.getBytes(StandardCharsets.US_ASCII)));
            } else {
                throw new IllegalArgumentException("not a host name or an IP address: " + name);
            }
        }
        return Der.sequence(generalNames.toByteArray());
    }

    /** Parsed here: InetAddress would look an out-of-range "999.1.1.1" up as a host name. */
    private static byte[] ipv4(String literal) {
        String[] parts = literal.split("\\.");
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            int part = Integer.parseInt(parts[i]);
            if (part > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + literal);
            }
            address[i] = (byte) part;
        }
        return address;
    }

    /** A name with a colon can only be an IPv6 literal, which InetAddress parses without any name service. */
    private static byte[] ipv6(String literal) {
        try {
            return InetAddress.getByName("[" + literal + "]").getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + literal, e);
        }
    }
}
