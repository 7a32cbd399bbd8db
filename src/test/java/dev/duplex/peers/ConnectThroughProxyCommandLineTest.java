package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.cli.Cli;
import dev.duplex.net.Recorder;
import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.tls.SelfSignedCertificate;
import dev.duplex.tls.ServerIdentity;

/**
 * {@code duplex connect --proxy} through tinyproxy and microsocks: the echo, the tunnel in --show-handshake
 * (the CONNECT exchange with its credentials masked), the frames in --show-frames over wss:// inside the
 * tunnel, and a refusal said by name with connect's failure status.
 */
class ConnectThroughProxyCommandLineTest {
    @TempDir Path dir;
    private final LabServer server = new LabServer(new Recorder());
    private DebianProxy proxy;

    private record Run(int status, String out, String err) { }

    private static Run connect(String input, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "connect";
        System.arraycopy(args, 0, argv, 1, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(argv, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                stop -> { });
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        if (proxy != null) proxy.close();
    }

    @Test
    void showHandshakePrintsTheConnectExchangeWithTheCredentialsMasked() throws Exception {
        proxy = DebianProxy.tinyproxy(dir, "BasicAuth duplex s3cret");
        server.start(new ServerConfig("127.0.0.1", 0, "", ReplyTemplate.ECHO));
        URI url = server.url();
        Run r = connect("hello proxy\n", url.toString(), "--proxy", "http://duplex:s3cret@127.0.0.1:" + proxy.port(),
                "--show-handshake", "--wait", "5000");
        assertEquals(Cli.OK, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("hello proxy"), r.out());
        assertTrue(r.out().contains("Proxy tunnel"), r.out());
        assertTrue(r.out().contains("through http://duplex:****@127.0.0.1:" + proxy.port() + ", as set for this connection"),
                r.out());
        assertTrue(r.out().contains("→ CONNECT 127.0.0.1:" + url.getPort() + " HTTP/1.1"), r.out());
        assertTrue(r.out().contains("→ Proxy-Authorization: Basic ****"), r.out());
        assertTrue(r.out().matches("(?s).*← HTTP/1\\.[01] 200 .*"), r.out());
        assertFalse(r.out().contains("s3cret"), r.out());
        proxy.awaitLine(l -> l.contains("Established connection to host \"127.0.0.1\""));
    }

    @Test
    void aRefusalIsSaidByNameWithConnectsFailureStatus() throws Exception {
        proxy = DebianProxy.tinyproxy(dir, "BasicAuth duplex s3cret");
        server.start(new ServerConfig("127.0.0.1", 0, "", ReplyTemplate.ECHO));
        Run r = connect("", server.url().toString(), "--proxy", "127.0.0.1:" + proxy.port());
        assertEquals(Cli.FAILED, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("the proxy 127.0.0.1:" + proxy.port()
                + " refused the tunnel: 407 Proxy Authentication Required"), r.err());
        proxy.awaitLine(l -> l.contains("CONNECT 127.0.0.1:" + server.url().getPort()));
    }

    @Test
    void wssThroughSocks5ShowsItsFrames() throws Exception {
        proxy = DebianProxy.microsocks(null, null);
        ServerIdentity identity = SelfSignedCertificate.generate();
        server.start(new ServerConfig("127.0.0.1", 0, "", ReplyTemplate.ECHO).withTls(identity));
        URI url = server.url();
        Run r = connect("framed\n", url.toString(), "--proxy", "socks5://127.0.0.1:" + proxy.port(),
                "--trust", identity.fingerprint().toString(), "--show-frames", "--show-handshake", "--wait", "5000");
        assertEquals(Cli.OK, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("SOCKS5 greeting"), r.out());
        assertTrue(r.out().contains("TLS"), r.out());
        long framed = r.out().lines().filter(l -> l.contains("framed")).count();
        assertTrue(framed >= 3, "the frame both ways and the message: " + r.out());
        proxy.awaitLine(l -> l.contains("connected to 127.0.0.1:" + url.getPort()));
    }

    /** replay shares connect's --proxy: the recorded message goes through microsocks and its echo compares the same. */
    @Test
    void replayGoesThroughTheProxyToo() throws Exception {
        proxy = DebianProxy.microsocks(null, null);
        server.start(new ServerConfig("127.0.0.1", 0, "", ReplyTemplate.ECHO));
        byte[] data = "recorded".getBytes(StandardCharsets.UTF_8);
        java.time.Instant at = java.time.Instant.ofEpochMilli(1_700_000_000_000L);
        Path file = dir.resolve("one.jsonl");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            dev.duplex.conversation.JsonLinesFormat.write(new dev.duplex.conversation.Conversation(
                    URI.create("ws://127.0.0.1:9/"), null, java.util.List.of(
                    new dev.duplex.conversation.Conversation.Frame(at, new dev.duplex.net.wire.FrameInfo(false, true,
                            false, false, false, dev.duplex.net.wire.FrameInfo.TEXT, new byte[] {1, 2, 3, 4}, data.length,
                            data.length + 6, data)),
                    new dev.duplex.conversation.Conversation.Frame(at.plusMillis(1), new dev.duplex.net.wire.FrameInfo(
                            true, true, false, false, false, dev.duplex.net.wire.FrameInfo.TEXT, null, data.length,
                            data.length + 2, data))), null), out);
        }
        String[] argv = {"replay", file.toString(), server.url().toString(), "--expect-same",
            "--proxy", "socks5://127.0.0.1:" + proxy.port()};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(argv, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stop -> { });
        assertEquals(Cli.OK, status, out + "\n" + err);
        proxy.awaitLine(l -> l.contains("connected to 127.0.0.1:" + server.url().getPort()));
    }

    @Test
    void proxyAndNoProxyExcludeEachOtherAndABadProxyIsAUsageError() {
        Run both = connect("", "ws://127.0.0.1:1/", "--proxy", "none", "--no-proxy");
        assertEquals(Cli.USAGE, both.status());
        assertTrue(both.err().contains("--proxy and --no-proxy exclude each other"), both.err());
        Run bad = connect("", "ws://127.0.0.1:1/", "--proxy", "ftp://p:21");
        assertEquals(Cli.USAGE, bad.status());
        assertTrue(bad.err().contains("ftp") && bad.err().contains("socks5://"), bad.err());
        assertTrue(bad.err().contains("--proxy"), "the option is named: " + bad.err());
    }
}
