package dev.duplex.cli;

import static dev.duplex.cli.CheckRuns.assertSelfContained;
import static dev.duplex.cli.CheckRuns.assertStatus;
import static dev.duplex.cli.CheckRuns.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.peers.SeedGoServer;

/**
 * {@code duplex check} against the seed's Go server, which nobody here wrote: it does not echo (it answers
 * "我已经收到消息 Received:…"), and golang.org/x/net/websocket checks neither UTF-8 nor close codes.
 */
class CheckAgainstSeedGoServerTest {
    @TempDir
    Path dir;

    @Test
    void theSeedServerFailsTheEchoCasesWithThatReasonAndManyCloseAndUtf8Cases() throws Exception {
        try (SeedGoServer go = SeedGoServer.start()) {
            long start = System.nanoTime();
            CheckRuns.Run run = check(dir, Locale.ENGLISH, SeedGoServer.URL.toString());
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println("duplex check against the seed's Go server (" + ms + " ms):\n" + run.out());
            assertTrue(ms < 30_000, "the whole run took " + ms + " ms");
            assertStatus(CheckCommand.SOME_FAILED, run);
            assertEquals("PASS", run.verdict("0.1"), run.observed().get("0.1"));
            // An echo case: the reply is not the echo, and the case says why.
            assertEquals("FAIL", run.verdict("1.1.2"));
            assertTrue(run.observed().get("1.1.2").startsWith("text "), run.observed().get("1.1.2"));
            long utf8Fails = run.verdicts().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("6.") && e.getValue().equals("FAIL")).count();
            long closeFails = run.verdicts().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("7.") && !e.getValue().equals("PASS")).count();
            assertTrue(utf8Fails > 50, "UTF-8 cases failed: " + utf8Fails);
            assertTrue(closeFails > 10, "close cases not passed: " + closeFails);
            assertSelfContained(run.html());
        }
    }
}
