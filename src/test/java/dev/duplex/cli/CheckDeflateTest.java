package dev.duplex.cli;

import static dev.duplex.cli.CheckRuns.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.peers.NodeWsServer;

/**
 * Groups 12 and 13 (permessage-deflate) of {@code duplex check}: against Node's ws with perMessageDeflate on
 * (with its defaults, and with parameters of its own), against our server with --deflate (the library's
 * PerMessageDeflateExtension), and UNIMPLEMENTED, not FAIL, against servers that take no compression.
 */
class CheckDeflateTest {
    @TempDir
    Path dir;

    private static Map<String, Integer> tally(CheckRuns.Run run) {
        Map<String, Integer> t = new TreeMap<>();
        run.verdicts().forEach((id, v) -> t.merge(id.substring(0, id.indexOf('.', 3)) + " " + v, 1, Integer::sum));
        return t;
    }

    private static void print(String what, CheckRuns.Run run) {
        System.out.println(what + ":\n" + run.out() + tally(run));
        run.verdicts().forEach((id, v) -> {
            if (!v.equals("PASS")) System.out.println("  " + id + " " + v + ": " + run.observed().get(id));
        });
    }

    @Test
    void nodeWsWithPerMessageDeflatePassesEveryCaseCompressedBothWays() throws Exception {
        try (NodeWsServer ws = NodeWsServer.startWithDeflate("{\"threshold\":0}")) {
            long start = System.nanoTime();
            CheckRuns.Run run = check(dir, Locale.ENGLISH, ws.uri("/").toString(), "--group", "12,13");
            long ms = (System.nanoTime() - start) / 1_000_000;
            print("duplex check --group 12,13 against Node's ws, perMessageDeflate { threshold: 0 }, " + ms + " ms", run);
            assertEquals(18 * 12, run.verdicts().size(), run.out());
            run.verdicts().forEach((id, v) -> assertEquals("PASS", v, () -> id + ": " + run.observed().get(id)));
            // With no threshold every echo came compressed: none is said to be plain.
            assertTrue(run.observed().values().stream().noneMatch(o -> o.contains("uncompressed")), run.observed().toString());
            assertTrue(run.observed().get("13.2.1").contains("server_no_context_takeover yes"), run.observed().get("13.2.1"));
            assertTrue(run.observed().get("13.3.1").contains("server window 9 bits"), run.observed().get("13.3.1"));
            assertEquals(Cli.OK, run.status(), run.err());
        }
    }

    @Test
    void nodeWsWithItsOwnParametersAnswersTheOffersItCanTake() throws Exception {
        // ws's server insists on its own no-context and window: it then refuses offers asking for less of them.
        try (NodeWsServer ws = NodeWsServer.startWithDeflate(
                "{\"serverNoContextTakeover\":true,\"clientNoContextTakeover\":true,\"serverMaxWindowBits\":10,\"threshold\":0}")) {
            CheckRuns.Run run = check(dir, Locale.ENGLISH, ws.uri("/").toString(), "--group", "12,13");
            print("duplex check --group 12,13 against Node's ws with serverNoContextTakeover, serverMaxWindowBits 10", run);
            assertTrue(run.verdicts().values().stream().noneMatch("FAIL"::equals), run.out());
            assertEquals("PASS", run.verdict("12.1.10"), run.observed().get("12.1.10"));
            assertTrue(run.observed().get("12.1.10").contains("server_no_context_takeover yes, server window 10 bits"),
                    run.observed().get("12.1.10"));
            // 13.3 and 13.5 ask for a window of 9 bits, smaller than the 10 ws keeps to: ws refuses the handshake.
            for (String id : new String[] {"13.3.1", "13.5.18"}) {
                assertEquals("NON-STRICT", run.verdict(id), run.observed().get(id));
                assertTrue(run.observed().get(id).contains("400"), run.observed().get(id));
            }
            assertEquals("PASS", run.verdict("13.4.1"), run.observed().get("13.4.1"));
            assertTrue(run.observed().get("13.4.1").contains("server window 10 bits"), run.observed().get("13.4.1"));
        }
    }

    @Test
    void serversTakingNoCompressionAreUnimplementedNotFailed() throws Exception {
        try (NodeWsServer ws = NodeWsServer.start()) {
            CheckRuns.Run run = check(dir, Locale.ENGLISH, ws.uri("/").toString(), "--group", "12,13");
            assertEquals(18 * 12, run.verdicts().size(), run.out());
            run.verdicts().forEach((id, v) -> assertEquals("UNIMPLEMENTED", v, () -> id + ": " + run.observed().get(id)));
            assertTrue(run.observed().get("12.1.1").contains("no Sec-WebSocket-Extensions"), run.observed().get("12.1.1"));
            assertTrue(run.out().contains("216 UNIMPLEMENTED"), run.out());
            assertEquals(Cli.OK, run.status(), "UNIMPLEMENTED is no failure");
        }
    }

    @Test
    void ourServerWithDeflate() throws Exception {
        LabServer server = new LabServer(e -> { });
        server.setDeflate(true);
        try {
            InetSocketAddress at = server.start(new ServerConfig("127.0.0.1", 0, "", null));
            CheckRuns.Run run = check(dir, Locale.ENGLISH, "ws://127.0.0.1:" + at.getPort() + "/", "--group", "12,13");
            print("duplex check --group 12,13 against our server with --deflate", run);
            assertEquals(18 * 12, run.verdicts().size(), run.out());
            // Every offer is taken, windows under 32 KiB included: all twelve groups compress and echo.
            run.verdicts().forEach((id, v) -> assertEquals("PASS", v, () -> id + ": " + run.observed().get(id)));
            assertTrue(run.observed().get("13.3.1").contains("server window 9 bits"), run.observed().get("13.3.1"));
            assertTrue(run.verdicts().values().stream().noneMatch(v -> v.equals("FAIL") || v.equals("NON-STRICT")),
                    run.out());
        } finally {
            server.stop();
        }
    }
}
