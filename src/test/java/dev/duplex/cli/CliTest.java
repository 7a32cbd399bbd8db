package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.duplex.Version;

/** `duplex serve` and `duplex connect` in this JVM, talking over real loopback sockets. */
class CliTest {
    /** Output written by another thread, readable line by line as it comes. */
    private static final class Capture {
        final PipedInputStream pipe = new PipedInputStream(1 << 16);
        final PrintStream stream;
        final java.io.BufferedReader lines;

        Capture() throws Exception {
            stream = new PrintStream(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
            lines = new java.io.BufferedReader(new java.io.InputStreamReader(pipe, StandardCharsets.UTF_8));
        }

        /** The next line that matches, failing if the stream ends first. */
        String await(String regex) throws Exception {
            Pattern p = Pattern.compile(regex);
            String line;
            while ((line = lines.readLine()) != null) {
                if (p.matcher(line).find()) return line;
            }
            throw new AssertionError("no line matching " + regex);
        }
    }

    private final CountDownLatch stopServe = new CountDownLatch(1);
    private CompletableFuture<Integer> serve;

    @AfterEach
    void stop() throws Exception {
        stopServe.countDown();
        if (serve != null) serve.get(10, TimeUnit.SECONDS);
    }

    private record Run(int status, String out, String err) { }

    private static Run run(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stop -> { });
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts `serve` on a free port and returns its ws:// URL, read from its first line. */
    private String startServe(Capture out, String... extra) throws Exception {
        String[] args = new String[extra.length + 3];
        args[0] = "serve";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(extra, 0, args, 3, extra.length);
        serve = CompletableFuture.supplyAsync(() -> Cli.run(args, stdin(""), out.stream, out.stream, latch -> {
            // stands in for SIGINT: the test counts this latch down
            new Thread(() -> {
                try {
                    stopServe.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                latch.countDown();
            }).start();
        }));
        String first = out.await("listening on ");
        Matcher m = Pattern.compile("(wss?://\\S+)").matcher(first);
        assertTrue(m.find(), first);
        return m.group(1);
    }

    @Test
    void connectSendsEachLineAndPrintsTheConversation() throws Exception {
        Capture serverOut = new Capture();
        String url = startServe(serverOut, "--reply", "我已经收到消息 Received:{message}");
        Run r = run(stdin("hello\n你好\n"), "connect", url);
        assertEquals(Cli.OK, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].contains("onopen") && lines[0].contains("connected to " + url), r.out());
        assertTrue(r.out().contains("send      sent: hello"), r.out());
        assertTrue(r.out().contains("onmessage message received: 我已经收到消息 Received:hello"), r.out());
        assertTrue(r.out().contains("onmessage message received: 我已经收到消息 Received:你好"), r.out());
        assertTrue(lines[lines.length - 1].contains("onclose") && lines[lines.length - 1].contains("(1000)"), r.out());

        serverOut.await("connected: path /, Origin http://127\\.0\\.0\\.1:");
        serverOut.await("received from 127\\.0\\.0\\.1:\\d+: hello");
        serverOut.await("replied to 127\\.0\\.0\\.1:\\d+: 我已经收到消息 Received:hello");
        serverOut.await("disconnected \\(1000\\) normal closure");
    }

    @Test
    void serveStopsOnTheSignalClosingClientsWith1001() throws Exception {
        Capture serverOut = new Capture();
        String url = startServe(serverOut);
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing);
        CompletableFuture<Run> client = CompletableFuture.supplyAsync(() -> run(in, "connect", url));
        serverOut.await("connected: ");
        stopServe.countDown();
        assertEquals(Cli.OK, serve.get(10, TimeUnit.SECONDS));
        Run r = client.get(10, TimeUnit.SECONDS);
        assertTrue(r.out().contains("connection closed (1001) going away"), r.out());
        assertEquals(Cli.OK, r.status());
        typing.close();
    }

    @Test
    void customHeadersAndOriginReachTheServer() throws Exception {
        Capture serverOut = new Capture();
        String url = startServe(serverOut, "--path", "/shiming");
        Run r = run(stdin(""), "connect", url, "--origin", "http://example.test", "--header", "X-Test: 1");
        assertEquals(Cli.OK, r.status(), r.err());
        serverOut.await("path /shiming, Origin http://example\\.test");
    }

    @Test
    void refusedHandshakeExitsOneWithTheCauseOnStderr() throws Exception {
        Capture serverOut = new Capture();
        String url = startServe(serverOut, "--path", "/shiming");
        Run r = run(stdin("never sent\n"), "connect", url.replace("/shiming", "/other"));
        assertEquals(Cli.FAILED, r.status());
        assertTrue(r.err().contains("onerror   handshake refused: HTTP 404"), r.err());
        assertTrue(r.out().contains("connection closed (1006)"), r.out());
    }

    @Test
    void serveRefusesWithTheStatusHeadersAndBodyItIsGiven() throws Exception {
        Capture serverOut = new Capture();
        String url = startServe(serverOut, "--refuse", "403", "--refuse-header", "X-Lab: on", "--refuse-body", "go away");
        Run r = run(stdin(""), "connect", url, "--show-handshake");
        assertEquals(Cli.FAILED, r.status());
        assertTrue(r.err().contains("handshake refused: HTTP 403"), r.err());
        assertTrue(r.out().contains("X-Lab: on") && r.out().contains("go away"), r.out());
        serverOut.await("refused the upgrade of 127\\.0\\.0\\.1:\\d+ with HTTP 403");
    }

    @Test
    void serveMisbehavesAsItsSwitchesSayAndSaysSo() throws Exception {
        Capture serverOut = new Capture();
        String url = startServe(serverOut, "--drop-every", "2", "--close-after", "3", "--close-code", "4003",
                "--close-reason", "lab", "--delay", "20", "--subprotocol", "*");
        Run r = run(stdin("one\ntwo\nthree\n"), "connect", url, "--subprotocol", "chat", "--wait", "5000");
        assertTrue(r.out().contains("connected to " + url + ", subprotocol chat"), r.out());
        assertTrue(r.out().contains("message received: one"), r.out());
        assertTrue(!r.out().contains("message received: two"), r.out());
        assertTrue(r.out().contains("message received: three"), r.out());
        assertTrue(r.out().contains("connection closed (4003)"), r.out());
        serverOut.await("holding the reply to 127\\.0\\.0\\.1:\\d+ back 20 ms");
        serverOut.await("not replying to message 2 of 127\\.0\\.0\\.1:\\d+");
        serverOut.await("closing 127\\.0\\.0\\.1:\\d+ after its message 3, with 4003 \"lab\"");
    }

    @Test
    void connectSavesTheConversationAsJsonLinesAndHar() throws Exception {
        Capture serverOut = new Capture();
        String url = startServe(serverOut);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("duplex-save");
        for (String name : new String[] {"talk.jsonl", "talk.har"}) {
            java.nio.file.Path file = dir.resolve(name);
            Run r = run(stdin("saved\n"), "connect", url, "--save", file.toString());
            assertEquals(Cli.OK, r.status(), r.err());
            try (var in = java.nio.file.Files.newInputStream(file)) {
                if (name.endsWith(".har")) {
                    var c = dev.duplex.conversation.HarFormat.read(in).get(0);
                    assertEquals(2, c.frames().size(), "the message and its echo");
                } else {
                    var c = dev.duplex.conversation.JsonLinesFormat.read(in);
                    assertEquals(url, c.url().toString());
                    assertEquals(1000, c.close().code());
                    assertTrue(c.frames().size() >= 4, "message, echo and both close frames: " + c.frames());
                }
            }
        }
        Run failed = run(stdin(""), "connect", url, "--save", dir.resolve("no/such/dir/x.jsonl").toString());
        assertEquals(Cli.FAILED, failed.status());
        assertTrue(failed.err().contains("Could not write"), failed.err());
    }

    @Test
    void serveOnWssWithItsOwnCertificateOrAGivenOneAndConnectTrustsItsFingerprint() throws Exception {
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("duplex-data");
        String before = System.getProperty("duplex.data.dir");
        System.setProperty("duplex.data.dir", data.toString());
        try {
            Capture serverOut = new Capture();
            String url = startServe(serverOut, "--tls");
            assertTrue(url.startsWith("wss://127.0.0.1:"), url);
            String line = serverOut.await("TLS certificate SHA-256 fingerprint: [0-9A-F:]{95}");
            String fingerprint = line.substring(line.indexOf(": ") + 2).strip();
            assertTrue(java.nio.file.Files.isRegularFile(data.resolve(dev.duplex.settings.ServerCertificates.FILE_NAME)),
                    "the certificate is kept, so its fingerprint stays");
            Run refused = run(stdin("x\n"), "connect", url);
            assertEquals(Cli.FAILED, refused.status());
            assertTrue(refused.err().contains(fingerprint), refused.err());
            Run trusted = run(stdin("secret\n"), "connect", url, "--trust", fingerprint);
            assertEquals(Cli.OK, trusted.status(), trusted.err());
            assertTrue(trusted.out().contains("message received: secret"), trusted.out());
            serverOut.await("received from 127\\.0\\.0\\.1:\\d+: secret");
        } finally {
            if (before == null) System.clearProperty("duplex.data.dir");
            else System.setProperty("duplex.data.dir", before);
        }
    }

    @Test
    void serveRefusesAPkcs12FileItCannotOpenWithOneLine() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("duplex", ".p12");
        dev.duplex.tls.KeyStores.save(file, dev.duplex.tls.SelfSignedCertificate.generate(), "right".toCharArray());
        Run r = run(stdin(""), "serve", "--port", "0", "--tls-pkcs12", file.toString(), "--tls-password", "wrong");
        assertEquals(Cli.FAILED, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("cannot use the TLS certificate"), r.err());
    }

    @Test
    void badMisbehaviourSwitchesAreUsageErrors() {
        assertEquals(Cli.USAGE, run(stdin(""), "serve", "--refuse", "101").status());
        assertEquals(Cli.USAGE, run(stdin(""), "serve", "--refuse-body", "x").status());
        assertEquals(Cli.USAGE, run(stdin(""), "serve", "--refuse", "403", "--refuse-header", "nocolon").status());
        assertEquals(Cli.USAGE, run(stdin(""), "serve", "--close-after", "2", "--close-code", "1005").status());
        assertEquals(Cli.USAGE, run(stdin(""), "serve", "--subprotocol", "two words").status());
        assertEquals(Cli.USAGE, run(stdin(""), "serve", "--delay", "-1").status());
    }

    @Test
    void refusedConnectionExitsOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = run(stdin(""), "connect", "ws://127.0.0.1:" + port + "/");
        assertEquals(Cli.FAILED, r.status());
        assertTrue(r.err().contains("connection refused"), r.err());
    }

    @Test
    void portInUseIsOneLineAndExitOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Run r = run(stdin(""), "serve", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(Cli.FAILED, r.status());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("port in use"), r.err());
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(Cli.USAGE, run(stdin(""), "connect").status());
        assertEquals(Cli.USAGE, run(stdin(""), "connect", "http://localhost/").status());
        assertTrue(run(stdin(""), "connect", "http://localhost/").err().contains("ws://localhost/"));
        assertEquals(Cli.USAGE, run(stdin(""), "serve", "--port", "eighty").status());
        assertEquals(Cli.USAGE, run(stdin(""), "serve", "--nope").status());
        assertEquals(Cli.USAGE, run(stdin(""), "frobnicate").status());
        assertEquals(Cli.USAGE, run(stdin(""), "connect", "ws://h/", "--header", "no colon").status());
    }

    @Test
    void showHandshakeAndFramesSlashCommandsAndBinary() throws Exception {
        Capture serverOut = new Capture();
        String url = startServe(serverOut);
        Run r = run(stdin("hello\n/ping are you there\n00 01 ff\n"), "connect", url, "--show-handshake",
                "--show-frames", "--subprotocol", "chat.v2");
        assertEquals(Cli.OK, r.status(), r.err());
        assertTrue(r.out().contains("== Request"), r.out());
        assertTrue(r.out().contains("   Sec-WebSocket-Protocol: chat.v2"), r.out());
        assertTrue(r.out().contains("        "), "explanations are indented under their header");
        assertTrue(r.out().contains("✓ The server sent"), r.out());
        assertTrue(r.out().contains("frame     text FIN rsv=000 masked("), r.out());
        assertTrue(r.out().contains("pong received, 13 bytes"), r.out());
        assertTrue(r.out().contains("sent: 00 01 ff"), "without --binary a hex line is text: " + r.out());

        Run b = run(stdin("00 01 ff\nzz\n"), "connect", url, "--binary");
        assertTrue(b.out().contains("sent binary, 3 bytes: 00 01 ff"), b.out());
        assertTrue(b.err().contains("Not hex"), b.err());
        assertEquals(Cli.OK, b.status());
    }

    @Test
    void slashCloseSendsAnyCodeAndTheServersAnswerIsReported() throws Exception {
        Capture serverOut = new Capture();
        String url = startServe(serverOut);
        Run r = run(stdin("/close 4000 bye now\n"), "connect", url);
        assertTrue(r.out().contains("connection closed (4000) private"), r.out());
        assertEquals(Cli.ABNORMAL_CLOSE, r.status(), "4000 is not a normal closure");
        Run invalid = run(stdin("/close 999\n"), "connect", url, "--show-frames");
        assertTrue(invalid.out().contains("close FIN rsv=000 masked("), invalid.out());
        assertTrue(invalid.out().contains("connection closed (1002) protocol error"), invalid.out());
    }

    @Test
    void aSlashCloseWithABadCodeSaysSoInTheWindowsWordsAndSendsNothing() throws Exception {
        Capture serverOut = new Capture();
        String url = startServe(serverOut);
        Run r = run(stdin("/close abc\n"), "connect", url);
        assertTrue(r.err().contains("duplex connect: /close abc: The close code must be a whole number"), r.err());
        assertEquals(Cli.OK, r.status(), "nothing went out, so the end of input closed with 1000: " + r.out());
        assertTrue(r.out().contains("connection closed (1000)"), r.out());
    }

    @Test
    void versionAndHelp() {
        Run v = run(stdin(""), "--version");
        assertEquals(Cli.OK, v.status());
        assertEquals("duplex " + Version.get(), v.out().strip());
        assertTrue(run(stdin(""), "--help").out().contains("duplex serve"));
    }
}
