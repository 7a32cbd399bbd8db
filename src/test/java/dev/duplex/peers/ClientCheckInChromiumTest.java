package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.duplex.check.CaseResult;
import dev.duplex.check.CheckReport;
import dev.duplex.check.Verdict;
import dev.duplex.check.client.ClientCheckServer;
import dev.duplex.i18n.CheckText;
import dev.duplex.i18n.Texts;

/**
 * Debian's Chromium checked through {@code /check/browser}: the page runs every case with Chromium's own
 * WebSocket; the verdicts are the server's, and the page shows them in its table once it has fetched them.
 */
class ClientCheckInChromiumTest {

    @Test
    void chromiumThroughTheBrowserPage() throws Exception {
        try (ClientCheckServer server = ClientCheckServer.start("127.0.0.1", 0, ClientCheckServer.GROUPS, 2000, r -> { },
                Texts.of(Locale.ENGLISH))) {
            try (HeadlessChromium chromium = HeadlessChromium.start()) {
                WebDriver driver = chromium.driver();
                driver.get(server.browserUrl().toString());
                // The page sets its title to "done" once it has shown the server's verdicts.
                new WebDriverWait(driver, Duration.ofMinutes(6)).until(d -> "done".equals(d.getTitle()));
                int rows = driver.findElements(By.cssSelector("#results tr")).size();
                assertEquals(server.caseIds().size() + 1, rows, "a row per case under the header");
            }
            assertTrue(server.done(), "every case ran");
            CheckReport report = server.report();
            System.out.println("Chromium:\n" + String.join("\n", new CheckText(Texts.of(Locale.ENGLISH)).summary(report)));
            for (CaseResult r : report.results()) {
                if (r.verdict() != Verdict.PASS) System.out.println(r.id() + " " + r.verdict().label() + " -> " + r.observed() + " (" + r.why() + ")");
            }
            List<String> failed = report.results().stream().filter(r -> r.verdict() == Verdict.FAIL).map(CaseResult::id).toList();
            // As measured: Chromium echoes a close of an invalid code (0, 999, 1004, 1016, 1100, 2000, 2999,
            // 5000, 65535) where it must fail the connection (7.4.1); it refuses 1005, 1006 and 1015.
            assertEquals(List.of("7.21", "7.22", "7.23", "7.27", "7.28", "7.29", "7.30", "7.31", "7.32"), failed, () -> report.results().stream().filter(r -> r.verdict() == Verdict.FAIL)
                    .map(r -> r.id() + " " + r.observed()).collect(Collectors.joining("; ")));
        }
    }
}
