package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code duplex check --client}'s arguments, and {@code --listen}: a client that only reconnects to
 * {@code /check} (the JDK's WebSocket here) gets every case in turn, the reports are served over HTTP while
 * it runs, and the command ends by itself once every case has run, with the summary and exit status.
 */
class ClientCheckCommandTest {
    private static int run(String... argv) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return Cli.run(argv, new ByteArrayInputStream(new byte[0]), p, p, stop -> { }, Locale.ENGLISH);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(Cli.USAGE, run("check", "--client"), "no command and no --listen");
        assertEquals(Cli.USAGE, run("check", "--client", "--", "echo", "hello"), "a command without {url}");
        assertEquals(Cli.USAGE, run("check", "--client", "--group", "9", "--", "x", "{url}"), "group 9 is the server's only");
        assertEquals(Cli.USAGE, run("check", "--client", "--full", "--", "x", "{url}"), "--full is the server's only");
        assertEquals(Cli.USAGE, run("check", "--client", "--timeout", "5", "--", "x", "{url}"), "a timeout below 100 ms");
        assertEquals(Cli.USAGE, run("check", "--client", "--listen", "0", "--", "x", "{url}"), "--listen and a command");
        assertEquals(Cli.USAGE, run("check", "ws://127.0.0.1:1/", "more"), "two URLs for a server check");
        assertEquals(Cli.USAGE, run("check", "--tls", "ws://127.0.0.1:1/"), "--tls serves: the client check's only");
        assertEquals(Cli.USAGE, run("check", "--client", "--tls-password", "x", "--", "x", "{url}"), "a password without its file");
    }

    @Test
    void aCommandThatCannotStartFailsEveryCaseWithTheReason() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int status = Cli.run(new String[] {"check", "--client", "--group", "3", "--verbose", "--", "/nonexistent/duplex-client", "{url}"},
                new ByteArrayInputStream(new byte[0]), p, p, stop -> { }, Locale.ENGLISH);
        String out = sink.toString(StandardCharsets.UTF_8);
        assertEquals(CheckCommand.SOME_FAILED, status, out);
        assertTrue(out.contains("3 Reserved bits: 7 cases, 0 PASS, 0 NON-STRICT, 0 INFORMATIONAL, 0 UNIMPLEMENTED, 7 FAIL"), out);
        assertTrue(out.contains("cannot start /nonexistent/duplex-client"), out);
        assertFalse(out.contains("Exception"), out);
    }

    @Test
    void listenRunsTheNextCaseOnEachConnectionAndEndsWhenAllHaveRun() throws Exception {
        Lines out = new Lines();
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> Cli.run(
                new String[] {"check", "--client", "--listen", "--group", "0,3"}, new ByteArrayInputStream(new byte[0]), p, p,
                stop -> { }, Locale.ENGLISH));
        String check = out.await(Pattern.compile("Each connection to (ws://\\S+/check) ")).group(1);
        String report = out.await(Pattern.compile("The report so far: (http://\\S+)")).group(1);
        String browser = out.await(Pattern.compile("checks the browser that opens it: (http://\\S+)")).group(1);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 22 && !status.isDone(); i++) {
            CompletableFuture<Integer> ended = new CompletableFuture<>();
            CompletableFuture<WebSocket> ws = http.newWebSocketBuilder().buildAsync(URI.create(check), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                    ended.complete(code);
                    return null;
                }

                @Override
                public void onError(WebSocket w, Throwable error) {
                    ended.complete(-1);
                }
            });
            ws.whenComplete((w, e) -> {
                if (e != null) ended.complete(-2);
            });
            ended.get(10, TimeUnit.SECONDS);
            if (i == 0) {
                String json = http.send(HttpRequest.newBuilder(URI.create(report + "?format=json")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(json.contains("\"id\" : \"0.1\""), json);
                // While it runs (it stops serving once every case has run).
                String html = http.send(HttpRequest.newBuilder(URI.create(report)).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(html.contains("WebSocket client check") && html.contains("What the client did"), html);
                String page = http.send(HttpRequest.newBuilder(URI.create(browser)).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(page.contains("{\"id\":\"3.7\"") && page.contains("new WebSocket("), page);
            }
        }
        assertEquals(0, status.get(30, TimeUnit.SECONDS), out.text());
        assertTrue(out.text().contains("0 Opening handshake: 15 cases, 15 PASS"), out.text());
        assertTrue(out.text().contains("3 Reserved bits: 7 cases, 7 PASS"), out.text());
    }

    /** What the command prints, waited on line by line. */
    private static final class Lines extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized Matcher await(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (true) {
                Matcher m = pattern.matcher(text());
                if (m.find()) return m;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no " + pattern + " in:\n" + text());
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
