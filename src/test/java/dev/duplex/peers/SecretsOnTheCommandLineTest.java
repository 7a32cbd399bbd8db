package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.cli.Cli;

/**
 * The login helpers of {@code connect} reach a server nobody here wrote (Node's {@code ws}) as a browser's page
 * would send them, and their secrets are masked in what Duplex prints and saves, unless asked.
 */
class SecretsOnTheCommandLineTest {
    @TempDir Path dir;
    private NodeProxyPeers.Upstream upstream;

    @AfterEach
    void stop() throws Exception {
        if (upstream != null) upstream.close();
    }

    private record Run(int status, String out) { }

    private Run connect(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = Cli.run(args, new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)), print, print, s -> { });
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theHelpersBecomeHeadersAndAQueryAndTheirSecretsAreMasked() throws Exception {
        upstream = NodeProxyPeers.Upstream.start(List.of(), null);
        Path saved = dir.resolve("session.har");
        Run run = connect("connect", upstream.uri("/live?room=7").toString(), "--bearer", "t0k3n-abc",
                "--cookie", "session=s3ss10n; theme=dark", "--header", "Cookie: first=1",
                "--query-token", "access_token=qu3ry-s3cr3t", "--show-handshake", "--save", saved.toString());
        assertEquals(0, run.status(), run.out());
        NodeWsServer.Handshake seen = upstream.nextHandshake();
        assertEquals("/live?room=7&access_token=qu3ry-s3cr3t", seen.url());
        assertEquals("Bearer t0k3n-abc", seen.header("authorization"));
        assertEquals("first=1; session=s3ss10n; theme=dark", seen.header("cookie"), "after the Cookie typed as a header");

        assertTrue(run.out().contains("Authorization: Bearer ****"), run.out());
        assertTrue(run.out().contains("Cookie: first=****; session=****; theme=****"), run.out());
        assertTrue(run.out().contains("access_token=****"), run.out());
        for (String secret : List.of("t0k3n-abc", "s3ss10n", "qu3ry-s3cr3t")) {
            assertFalse(run.out().contains(secret), secret + " printed: " + run.out());
            assertFalse(Files.readString(saved).contains(secret), secret + " saved");
        }
        assertTrue(Files.readString(saved).contains("room=7"), "the rest of the URL is kept");
    }

    @Test
    void showSecretsAndSaveSecretsKeepThem() throws Exception {
        upstream = NodeProxyPeers.Upstream.start(List.of(), null);
        Path saved = dir.resolve("session.jsonl");
        Run run = connect("connect", upstream.uri("/").toString(), "--basic", "ann:pa55", "--show-handshake",
                "--show-secrets", "--save", saved.toString(), "--save-secrets");
        assertEquals(0, run.status(), run.out());
        assertEquals("Basic YW5uOnBhNTU=", upstream.nextHandshake().header("authorization"));
        assertTrue(run.out().contains("Authorization: Basic YW5uOnBhNTU="), run.out());
        assertTrue(Files.readString(saved).contains("Basic YW5uOnBhNTU="));
    }

    @Test
    void aBadHelperIsAUsageErrorThatDoesNotRepeatTheSecret() {
        Run both = connect("connect", "ws://127.0.0.1:1/", "--basic", "ann:pa55", "--bearer", "zzz");
        assertEquals(2, both.status());
        assertTrue(both.out().contains("--bearer: Give either a Basic user or a Bearer token"), both.out());
        Run bearer = connect("connect", "ws://127.0.0.1:1/", "--bearer", "two words");
        assertTrue(bearer.out().contains("--bearer: A Bearer token is one word"), bearer.out());
        assertFalse(bearer.out().contains("two words"), "the secret is not repeated: " + bearer.out());
    }
}
