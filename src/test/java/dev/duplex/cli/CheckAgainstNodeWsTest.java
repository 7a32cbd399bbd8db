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

import dev.duplex.peers.NodeWsServer;

/** {@code duplex check} against a server nobody here wrote: Node's ws echo server (as the npm registry has it). */
class CheckAgainstNodeWsTest {
    @TempDir
    Path dir;

    @Test
    void nodeWsWithoutItsFragmentLimitComesOutCleanAndFailsInvalidUtf8With1007() throws Exception {
        try (NodeWsServer ws = NodeWsServer.startWithoutFragmentLimit()) {
            long start = System.nanoTime();
            CheckRuns.Run run = check(dir, Locale.ENGLISH, ws.uri("/").toString());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 30_000, "the whole run took " + ms + " ms");
            System.out.println("duplex check against Node's ws, maxFragments: 0:\n" + run.out());
            run.verdicts().forEach((id, v) -> {
                if (!v.equals("PASS")) System.out.println("  " + id + " " + v + ": " + run.observed().get(id));
            });
            for (String id : new String[] {"6.3.1", "6.3.2", "6.6.1", "6.12.1", "6.20.1", "6.21.2", "7.5.1"}) {
                assertEquals("PASS", run.verdict(id), () -> id + ": " + run.observed().get(id));
                assertTrue(run.observed().get(id).contains("close 1007"), () -> id + ": " + run.observed().get(id));
            }
            // It answers what came before a protocol error (Autobahn's strict behaviour), and refuses bad handshakes.
            for (String id : new String[] {"3.2", "4.1.3", "5.15", "0.2", "0.3", "0.5", "9.3.1", "9.4.1"}) {
                assertEquals("PASS", run.verdict(id), () -> id + ": " + run.observed().get(id));
            }
            assertTrue(run.verdicts().values().stream().noneMatch("FAIL"::equals), run.out());
            assertStatus(Cli.OK, run);
            assertSelfContained(run.html());
        }
    }

    @Test
    void nodeWsWithItsDefaultsIsFoundToLimitFragmentsIn93And94() throws Exception {
        try (NodeWsServer ws = NodeWsServer.start()) {
            CheckRuns.Run run = check(dir, Locale.ENGLISH, ws.uri("/").toString(), "--group", "9");
            System.out.println("duplex check --group 9 against Node's ws, its defaults:\n" + run.out());
            // 2 MiB in 64-byte fragments is 32 768 of them: over ws's default maxFragments of 16 384.
            for (String id : new String[] {"9.3.1", "9.4.1"}) {
                assertEquals("FAIL", run.verdict(id), () -> id + ": " + run.observed().get(id));
                assertTrue(run.observed().get(id).contains("close 1008"), run.observed().get(id));
            }
            assertEquals("PASS", run.verdict("9.3.2"), () -> "8 192 fragments: " + run.observed().get("9.3.2"));
            assertStatus(CheckCommand.SOME_FAILED, run);
        }
    }
}
