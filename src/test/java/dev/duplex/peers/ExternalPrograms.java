package dev.duplex.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need a program from outside Maven (Chromium and chromedriver, the seed's
 * Go server, a free port 8080 for it): when it is missing the test is skipped with the reason, except
 * under CI (the environment variable {@code CI} is {@code true}), where a missing program fails the test,
 * so that a broken CI image can never pass by skipping everything.
 */
final class ExternalPrograms {
    private ExternalPrograms() { }

    /** Whether this run is CI's: {@code CI=true} in the environment. */
    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Does nothing when {@code present}; otherwise skips the test (aborts it, reported as skipped) with
     * {@code reason}, or under CI fails it with the same reason.
     */
    static void require(boolean present, String reason) {
        if (present) return;
        if (underCi()) fail("CI=true, so this must not be skipped: " + reason);
        Assumptions.abort(reason + " (skipped; under CI=true this fails)");
    }

    /** The executable file at {@code path}, after {@link #require}-ing that it exists and can run. */
    static Path requireExecutable(String path, String what) {
        Path p = Path.of(path);
        require(Files.isRegularFile(p) && Files.isExecutable(p), what + " not found at " + path);
        return p;
    }

    /** Whether {@code command} is an executable file in one of the directories of {@code PATH}. */
    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return true;
        }
        return false;
    }

    /** The seed's peers ({@code ../shared/peers}); surefire sets {@code duplex.peers.dir}. */
    static Path peersDir() {
        return Path.of(System.getProperty("duplex.peers.dir", "../shared/peers")).toAbsolutePath().normalize();
    }

    /** Maven's {@code target/}; surefire sets {@code duplex.build.dir}. */
    static Path buildDir() {
        return Path.of(System.getProperty("duplex.build.dir", "target")).toAbsolutePath().normalize();
    }
}
