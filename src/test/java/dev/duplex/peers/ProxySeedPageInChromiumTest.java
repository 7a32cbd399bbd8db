package dev.duplex.peers;

import static dev.duplex.peers.ExternalPrograms.require;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;


import dev.duplex.net.WsEvent;
import dev.duplex.net.proxy.Leg;
import dev.duplex.net.proxy.ProxyConfig;
import dev.duplex.net.proxy.ProxyEvent;
import dev.duplex.net.proxy.ProxyRecorder;
import dev.duplex.net.proxy.ProxyServer;

/**
 * The seed's page in Debian's Chromium, through Duplex's proxy, to the seed's own Go server (which can only
 * listen on :8080 at /shiming, and refuses a handshake without Origin: the page's Origin must go up). The
 * page gets its onopen and the Go server's reply, and the proxy saw the frames of both legs both ways.
 * (Chromium, the Go server's build and its start are as in SeedPageInChromiumTest and SeedGoServerTest.)
 */
class ProxySeedPageInChromiumTest {
    private static final String SEED_WS_URL = "ws://localhost:8080/shiming";
    private static final String SEED_MESSAGE = "你好啊  shiming 小哥哥  嘿嘿   ";
    private static final String SEED_REPLY = "我已经收到消息 Received:" + SEED_MESSAGE;
    private static final Duration WAIT = EventRecorder.TIMEOUT;

    private final ProxyRecorder events = new ProxyRecorder();
    private final ProxyServer proxy = new ProxyServer(events);
    private Process goServer;
    private HeadlessChromium chromium;
    private WebDriver driver;

    @AfterEach
    void tearDown() throws Exception {
        if (chromium != null) chromium.close();
        proxy.stop();
        if (goServer != null) {
            goServer.destroy();
            if (!goServer.waitFor(5, TimeUnit.SECONDS)) goServer.destroyForcibly().waitFor();
        }
    }

    @Test
    void theSeedPageTalksToTheSeedGoServerThroughTheProxy() throws Exception {
        Path page = ExternalPrograms.peersDir().resolve("seed-demo.html");
        require(Files.isRegularFile(page), "the seed's page is not at " + page);
        startGoServer();

        int proxyPort = proxy.start(ProxyConfig.of(0, URI.create("ws://127.0.0.1:8080"))).getPort();
        String wsUrl = "ws://127.0.0.1:" + proxyPort + "/shiming";
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains(SEED_WS_URL), "the seed's page no longer opens " + SEED_WS_URL);
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
        String origin = chromium.serve("seed-demo.html", html.replace(SEED_WS_URL, wsUrl));
        List<String> console = new ArrayList<>();
        driver.get(origin + "/seed-demo.html");
        awaitConsole(console, "connected to " + wsUrl);
        ProxyEvent.Opened opened = events.await(ProxyEvent.Opened.class);
        assertEquals(URI.create("ws://127.0.0.1:8080/shiming"), opened.upstream());

        driver.findElement(By.tagName("button")).click();
        awaitConsole(console, "message received: " + SEED_REPLY);
        ((JavascriptExecutor) driver).executeScript("sock.close(1000)");
        awaitConsole(console, "connection closed (1000)");
        ProxyEvent.Closed closed = events.await(ProxyEvent.Closed.class);
        assertEquals(Leg.CLIENT, closed.first());
        assertEquals(1000, closed.passedCode());

        // The page's Origin went up: the Go server refuses a handshake without one.
        List<ProxyEvent.Wire> wire = events.all(ProxyEvent.Wire.class);
        WsEvent.Handshake up = wire.stream().filter(w -> w.leg() == Leg.UPSTREAM && w.event() instanceof WsEvent.Handshake)
                .map(w -> (WsEvent.Handshake) w.event()).findFirst().orElseThrow();
        assertEquals(origin, up.record().requestHeader("Origin"));
        assertEquals(101, up.record().status());
        // Both legs' frames, both ways: the message masked from the page and from Duplex, the reply unmasked.
        assertFrame(wire, Leg.CLIENT, true, SEED_MESSAGE, true);
        assertFrame(wire, Leg.UPSTREAM, false, SEED_MESSAGE, true);
        assertFrame(wire, Leg.UPSTREAM, true, SEED_REPLY, false);
        assertFrame(wire, Leg.CLIENT, false, SEED_REPLY, false);
    }

    private static void assertFrame(List<ProxyEvent.Wire> wire, Leg leg, boolean inbound, String text, boolean masked) {
        assertTrue(wire.stream().anyMatch(w -> w.leg() == leg && w.event() instanceof WsEvent.Frame f
                && f.frame().inbound() == inbound && f.frame().masked() == masked
                && new String(f.frame().payload(), StandardCharsets.UTF_8).equals(text)),
                () -> leg + (inbound ? " in " : " out ") + text + " in " + wire);
    }

    private void awaitConsole(List<String> console, String fragment) {
        try {
            new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(50)).until(d -> {
                for (LogEntry entry : d.manage().logs().get(LogType.BROWSER)) console.add(entry.getMessage());
                return console.stream().anyMatch(l -> l.contains(fragment));
            });
        } catch (TimeoutException e) {
            fail("no console line containing '" + fragment + "'; console: " + console + "; proxy: " + events.all(), e);
        }
    }

    private void startGoServer() throws Exception {
        Path script = ExternalPrograms.peersDir().resolve("seed-go-server/build.sh");
        require(Files.isRegularFile(script), "the seed's Go server is not at " + script);
        require(ExternalPrograms.onPath("go") || ExternalPrograms.underCi(), "go (golang-go) is needed to build the seed's Go server");
        Path dir = Files.createDirectories(ExternalPrograms.buildDir().resolve("seed-go-server.d"));
        Path binary = ExternalPrograms.buildDir().resolve("seed-go-server");
        Path buildLog = dir.resolve("proxy-build.log");
        Process build = new ProcessBuilder("bash", script.toString(), binary.toString())
                .redirectErrorStream(true).redirectOutput(buildLog.toFile()).start();
        if (!build.waitFor(5, TimeUnit.MINUTES)) {
            build.destroyForcibly().waitFor();
            fail("building the seed's Go server took over 5 minutes");
        }
        assertEquals(0, build.exitValue(), () -> "build.sh failed: " + read(buildLog));
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(8080));
        } catch (IOException taken) {
            require(false, "port 8080 is taken, and the seed's Go server can listen nowhere else");
        }
        Path log = dir.resolve("proxy-server.log");
        goServer = new ProcessBuilder(binary.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        for (int attempt = 0; attempt < 200; attempt++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", 8080), 500);
                return;
            } catch (IOException notYet) {
                // not yet listening: wait on the process itself, so that one that dies ends the wait at once
                if (goServer.waitFor(100, TimeUnit.MILLISECONDS)) fail("the Go server exited: " + read(log));
            }
        }
        fail("the seed's Go server did not listen on 8080: " + read(log));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + file + " unreadable)";
        }
    }
}
