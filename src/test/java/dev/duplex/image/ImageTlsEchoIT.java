package dev.duplex.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime image that {@code package} leaves in target/image, run as a user runs it: {@code bin/duplex
 * serve --tls} in one process and {@code bin/duplex connect wss://… --trust} in another. Unit tests run on
 * the build's JDK, which has every module; only this shows that the image's own module list carries what
 * TLS needs (jdk.crypto.ec: the server's certificate is EC P-256 and its key exchange ECDHE).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "bin/duplex is a POSIX shell launcher")
class ImageTlsEchoIT {
    /** Starting a JVM and making a key pair on a busy 2-core machine: generous, and only an upper bound. */
    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    Path home;

    @Test
    void theImageServesWssAndItsOwnClientGetsTheEchoTrustingTheFingerprint() throws Exception {
        Path duplex = Images.launcher();
        Map<String, String> env = Images.isolatedEnvironment(home);
        ResourceBundle english = ResourceBundle.getBundle("dev.duplex.i18n.messages", Locale.ENGLISH);
        Pattern listening = Images.linePattern(english.getString("cli.listening"), "(wss://\\S+)");
        Pattern fingerprint = Images.linePattern(english.getString("cli.fingerprint"), "((?:[0-9A-F]{2}:){31}[0-9A-F]{2})");

        try (ProgramRun server = ProgramRun.start(List.of(duplex.toString(), "serve", "--tls", "--port", "0"), env)) {
            String url = server.awaitLine(listening, BOUND).group(1);
            String trusted = server.awaitLine(fingerprint, BOUND).group(1);
            assertTrue(url.startsWith("wss://127.0.0.1:") && !url.startsWith("wss://127.0.0.1:0/"), url);
            // The certificate was made in the test's own data directory, not the user's.
            assertTrue(Files.isRegularFile(home.resolve("data").resolve("server-tls.p12")),
                    "no server-tls.p12 in the temporary data directory\n" + server.transcript());

            String said = "hello over wss from the image 你好";
            try (ProgramRun client = ProgramRun.start(
                    List.of(duplex.toString(), "connect", url, "--trust", trusted), env)) {
                try (OutputStream in = client.stdin()) {
                    in.write((said + "\n").getBytes(StandardCharsets.UTF_8));
                }
                client.awaitLine(Pattern.compile("onmessage.*" + Pattern.quote(said)), BOUND);
                assertEquals(0, client.awaitExit(BOUND), "connect's exit status\n" + client.transcript());
            }

            server.terminate();
            assertEquals(0, server.awaitExit(BOUND), "serve's exit status on SIGTERM\n" + server.transcript());
        }
    }
}
