package dev.duplex.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's {@code openssl} command, for the keys and certificates the tests need made by someone else. */
final class OpenSsl {
    private OpenSsl() { }

    /** Fails the test unless openssl is installed. */
    static void require() {
        ExternalPrograms.require(ExternalPrograms.onPath("openssl"), "openssl is not installed (apt-get install -y openssl)");
    }

    /** Runs {@code openssl ARGS...}; what it said goes in the exception when it fails. */
    static void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("openssl failed: " + said);
    }
}
