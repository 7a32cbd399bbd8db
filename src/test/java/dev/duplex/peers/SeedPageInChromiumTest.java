package dev.duplex.peers;

import static dev.duplex.peers.ExternalPrograms.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;


import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ReplyTemplate;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.net.WsEvent;

/**
 * The seed's own browser page, as written, in Debian's Chromium, against our {@link LabServer}: the
 * most browser-like client there is. The page is served over http so that Chromium sends a real Origin,
 * with its hard-wired {@code ws://localhost:8080/shiming} pointed at our server's ephemeral port.
 */
class SeedPageInChromiumTest {
    private static final String SEED_WS_URL = "ws://localhost:8080/shiming";
    /** The text box's value in the seed's page, spaces and all. */
    private static final String SEED_MESSAGE = "你好啊  shiming 小哥哥  嘿嘿   ";
    private static final Duration WAIT = EventRecorder.TIMEOUT;

    private final EventRecorder serverEvents = new EventRecorder();
    private final LabServer server = new LabServer(serverEvents);

    @AfterEach
    void tearDown() {
        server.stop();
    }

    @Test
    void seedPageConnectsSendsAndClosesAgainstOurServer() throws Exception {
        converse(null);
    }

    /**
     * The same page on wss://, against our server serving a certificate Duplex made. Chromium is given that
     * certificate the way it takes one for tests: the SHA-256 of its public key, in
     * --ignore-certificate-errors-spki-list (every other certificate is still checked).
     */
    @Test
    void seedPageTalksToOurServerOverWss() throws Exception {
        converse(dev.duplex.tls.SelfSignedCertificate.generate());
    }

    private void converse(dev.duplex.tls.ServerIdentity tls) throws Exception {
        Path page = ExternalPrograms.peersDir().resolve("seed-demo.html");
        require(Files.isRegularFile(page), "the seed's page is not at " + page);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains(SEED_WS_URL), "the seed's page no longer opens " + SEED_WS_URL);

        int wsPort = server.start(new ServerConfig("127.0.0.1", 0, "/shiming", ReplyTemplate.SEED).withTls(tls)).getPort();
        String wsUrl = (tls == null ? "ws" : "wss") + "://127.0.0.1:" + wsPort + "/shiming";
        String reply = ReplyTemplate.SEED.reply(SEED_MESSAGE);

        try (HeadlessChromium chromium = tls == null ? HeadlessChromium.start()
                : HeadlessChromium.start("--ignore-certificate-errors-spki-list=" + java.util.Base64.getEncoder()
                        .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(tls.certificate().getPublicKey().getEncoded())))) {
            WebDriver driver = chromium.driver();
            String origin = chromium.serve("seed-demo.html", html.replace(SEED_WS_URL, wsUrl));
            ConsoleLog console = new ConsoleLog(driver, serverEvents);
            driver.get(origin + "/seed-demo.html");

            WsEvent.ClientJoined joined = serverEvents.await(WsEvent.ClientJoined.class);
            assertEquals(origin, joined.origin(), "the Origin of the page that opened the socket");
            assertEquals("/shiming", joined.path());
            // onopen has run (the server's side of the handshake can finish first): only now may the
            // page send, or sock.send() would throw.
            console.await("connected to " + wsUrl);

            driver.findElement(By.tagName("button")).click();
            assertEquals(SEED_MESSAGE, serverEvents.await(WsEvent.Received.class).payload().text());
            assertEquals(reply, serverEvents.await(WsEvent.Sent.class).payload().text());
            // A message that arrives once close() has begun is dropped by the browser: wait for it first.
            console.await("message received: " + reply);

            ((JavascriptExecutor) driver).executeScript("sock.close(1000)");
            WsEvent.ClientLeft left = serverEvents.await(WsEvent.ClientLeft.class);
            assertEquals(1000, left.code());
            assertTrue(left.byClient(), "the page started the closing");
            assertEquals(0, left.clients());
            console.await("connection closed (1000)");

            List<String> lines = console.lines();
            assertInOrder(lines, "connected to " + wsUrl, "message received: " + reply, "connection closed (1000)");
            assertTrue(lines.stream().noneMatch(l -> l.contains("发生错误时候触发")), () -> "onerror ran: " + lines);
        }
    }

    private static void assertInOrder(List<String> lines, String... fragments) {
        int from = 0;
        for (String fragment : fragments) {
            int found = -1;
            for (int i = from; i < lines.size(); i++) {
                if (lines.get(i).contains(fragment)) {
                    found = i;
                    break;
                }
            }
            if (found < 0) fail("no console line containing '" + fragment + "' after line " + from + " of " + lines);
            from = found + 1;
        }
    }

    /**
     * The page's console, as Chromium reports it: each read through the driver takes the entries away,
     * so they are kept here, in order, as the raw lines (a source location, then a quoted JS string).
     */
    private static final class ConsoleLog {
        private final WebDriver driver;
        private final EventRecorder serverEvents;
        private final List<String> lines = new ArrayList<>();

        ConsoleLog(WebDriver driver, EventRecorder serverEvents) {
            this.driver = driver;
            this.serverEvents = serverEvents;
        }

        List<String> lines() {
            drain();
            return List.copyOf(lines);
        }

        /** Waits until some console line contains {@code fragment}. */
        void await(String fragment) {
            try {
                new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(50)).until(d -> {
                    drain();
                    return lines.stream().anyMatch(l -> l.contains(fragment));
                });
            } catch (TimeoutException e) {
                fail("no console line containing '" + fragment + "' within " + WAIT + "; console: " + lines
                        + "; our server's events: " + serverEvents.history(), e);
            }
        }

        private void drain() {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) lines.add(entry.getMessage());
        }
    }
}
