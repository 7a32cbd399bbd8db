package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.duplex.Main;

/**
 * Our own client, {@code duplex connect --echo}, held against every client case as anyone's would be:
 * spawned once per case by {@code duplex check --client}, in a JVM of its own. It must come out clean.
 */
class ClientCheckOurConnectTest {
    @Test
    void ourConnectEchoComesOutClean(@TempDir Path tmp) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The C1 compiler only: a JVM a case starts sooner, and a case's few frames need no more.
        ClientCheckRun run = ClientCheckRun.run(tmp, List.of(), List.of(java, "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "-Duser.language=en", Main.class.getName(), "connect", "--echo", "{url}"));
        System.out.println("duplex connect --echo:\n" + String.join("\n", run.summary()));
        System.out.println("FAIL: " + run.those("FAIL") + "\nNON-STRICT: " + run.those("NON-STRICT") + "\nINFORMATIONAL: " + run.those("INFORMATIONAL"));
        assertEquals(131, run.verdicts().size(), run.out() + run.err());
        assertEquals("", run.those("FAIL"), "our client's FAILs");
        assertEquals(0, run.status(), run.out() + run.err());
    }
}
