package dev.duplex.cli;

import static dev.duplex.cli.CheckRuns.assertStatus;
import static dev.duplex.cli.CheckRuns.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.net.server.LabServer;
import dev.duplex.net.server.ServerConfig;
import dev.duplex.tls.SelfSignedCertificate;
import dev.duplex.tls.ServerIdentity;

/**
 * Issue 14: our own server passes the checker's reserved bits, opcodes and closing groups strictly: the
 * good message sent just before a bad frame is echoed before the 1002, and two close frames in one read
 * get a close back. Plain, with permessage-deflate taken, and over TLS; each run a few times, since
 * whether the frames share a read varies.
 */
class CheckOurServerStrictlyTest {
    private static final int RUNS = 3;

    @TempDir
    Path dir;

    @Test
    void reservedBitsOpcodesAndClosingAreStrictOnWs() throws Exception {
        assertStrict(new ServerConfig("127.0.0.1", 0, "", null), false, null);
    }

    @Test
    void theyStayStrictWithPermessageDeflateTaken() throws Exception {
        assertStrict(new ServerConfig("127.0.0.1", 0, "", null), true, null);
    }

    @Test
    void theyStayStrictOverTls() throws Exception {
        ServerIdentity identity = SelfSignedCertificate.generate();
        assertStrict(new ServerConfig("127.0.0.1", 0, "", null).withTls(identity), false, identity);
    }

    private void assertStrict(ServerConfig config, boolean deflate, ServerIdentity tls) throws Exception {
        LabServer server = new LabServer(e -> { });
        server.setCaptureFrames(false);
        server.setDeflate(deflate);
        InetSocketAddress at = server.start(config);
        try {
            String url = (tls == null ? "ws" : "wss") + "://127.0.0.1:" + at.getPort() + "/";
            for (int run = 1; run <= RUNS; run++) {
                int runNumber = run;
                CheckRuns.Run result = tls == null
                        ? check(dir, Locale.ENGLISH, url, "--group", "3,4,7")
                        : check(dir, Locale.ENGLISH, url, "--group", "3,4,7", "--trust", tls.fingerprint().toString());
                assertEquals(78, result.verdicts().size(), result.out() + result.err());
                for (Map.Entry<String, String> v : result.verdicts().entrySet()) {
                    String id = v.getKey();
                    boolean informational = id.startsWith("7.7.") && v.getValue().equals("INFORMATIONAL");
                    assertTrue(v.getValue().equals("PASS") || informational,
                            () -> "run " + runNumber + ", " + id + ": " + v.getValue() + ", " + result.observed().get(id));
                }
                assertEquals("PASS", result.verdict("7.1.2"), () -> result.observed().get("7.1.2"));
                assertStatus(Cli.OK, result);
                assertTrue(result.out().contains("3 Reserved bits: 7 cases, 7 PASS, 0 NON-STRICT"), result.out());
                assertTrue(result.out().contains("4 Opcodes: 30 cases, 30 PASS, 0 NON-STRICT"), result.out());
            }
        } finally {
            server.stop();
        }
    }
}
