package dev.duplex.peers;

import static dev.duplex.peers.ExternalPrograms.requireExecutable;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import com.sun.net.httpserver.HttpServer;

/**
 * Debian's Chromium and chromedriver, named explicitly so that Selenium Manager never downloads, with a
 * profile of its own and, when a test needs one, a page served over http on loopback (so that the page's
 * socket carries a real Origin). Closing quits the browser, stops the page and deletes the profile.
 */
final class HeadlessChromium implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final Path profile;
    private final WebDriver driver;
    private HttpServer http;

    private HeadlessChromium(Path profile, WebDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts Chromium headless with {@code extra} arguments; the browser's console is kept for the driver. */
    static HeadlessChromium start(String... extra) throws IOException {
        requireExecutable(CHROMIUM, "Chromium (apt-get install chromium)");
        requireExecutable(CHROMEDRIVER, "chromedriver (apt-get install chromium-driver)");
        Path profile = Files.createTempDirectory("duplex-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--user-data-dir=" + profile);
        options.addArguments(extra);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        return new HeadlessChromium(profile, new ChromeDriver(service, options));
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Serves {@code html} at {@code /name} on an ephemeral loopback port; returns the origin,
     * {@code http://127.0.0.1:port}. The charset is said in the header: pages that declare none would
     * have their Chinese arrive as mojibake.
     */
    String serve(String name, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        if (http == null) {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.start();
        }
        http.createContext("/" + name, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            if (http != null) http.stop(0);
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
