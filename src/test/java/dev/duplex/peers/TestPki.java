package dev.duplex.peers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small certificate authority for tests, made with the JDK's own keytool (in every JDK): a CA, and leaves
 * it signs for a server (with the loopback address as its name) or a client. Each leaf is written as a
 * PKCS#12 file (key and chain), a PEM chain and a PEM PKCS#8 key, as OpenSSL users have them.
 */
public final class TestPki {
    public static final String PASSWORD = "changeit";

    /** A leaf's files. */
    public record Leaf(Path pkcs12, Path chainPem, Path keyPem, PrivateKey key, String subject) { }

    private final Path dir;
    private final String name;
    private final Path store;
    /** The CA's certificate, PEM. */
    public final Path caPem;

    private TestPki(Path dir, String name) {
        this.dir = dir;
        this.name = name;
        this.store = dir.resolve(name + "-ca.p12");
        this.caPem = dir.resolve(name + "-ca.pem");
    }

    /** A new CA named CN={name} CA, in {@code dir}. */
    public static TestPki ca(Path dir, String name) throws Exception {
        TestPki pki = new TestPki(dir, name);
        pki.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + name + " CA", "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign", "-validity", "30",
                "-keystore", pki.store.toString(), "-storepass", PASSWORD, "-storetype", "PKCS12");
        pki.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", pki.store.toString(), "-storepass", PASSWORD,
                "-file", pki.caPem.toString());
        return pki;
    }

    /** A server certificate for 127.0.0.1 and localhost, signed by this CA. */
    public Leaf server(String cn) throws Exception {
        return leaf(cn, "serverAuth", "san=ip:127.0.0.1,dns:localhost");
    }

    /** A client certificate (extended key usage clientAuth), signed by this CA. */
    public Leaf client(String cn) throws Exception {
        return leaf(cn, "clientAuth", null);
    }

    private Leaf leaf(String cn, String usage, String names) throws Exception {
        String base = name + "-" + cn.replaceAll("[^A-Za-z0-9]", "");
        Path p12 = dir.resolve(base + ".p12");
        Path csr = dir.resolve(base + ".csr");
        Path crt = dir.resolve(base + ".crt");
        keytool("-genkeypair", "-alias", "leaf", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn,
                "-validity", "30", "-keystore", p12.toString(), "-storepass", PASSWORD, "-storetype", "PKCS12");
        keytool("-certreq", "-alias", "leaf", "-keystore", p12.toString(), "-storepass", PASSWORD, "-file", csr.toString());
        List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-infile", csr.toString(), "-outfile", crt.toString(), "-validity", "30",
                "-ext", "ku:c=digitalSignature,keyAgreement", "-ext", "eku=" + usage));
        if (names != null) sign.addAll(List.of("-ext", names));
        keytool(sign.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", p12.toString(),
                "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "leaf", "-file", crt.toString(), "-keystore", p12.toString(),
                "-storepass", PASSWORD);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) ks.getKey("leaf", PASSWORD.toCharArray());
        Path keyPem = dir.resolve(base + ".key");
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
        Path chainPem = dir.resolve(base + "-chain.pem");
        Files.writeString(chainPem, Files.readString(crt) + Files.readString(caPem));
        return new Leaf(p12, chainPem, keyPem, key, "CN=" + cn);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + said);
        }
    }
}
