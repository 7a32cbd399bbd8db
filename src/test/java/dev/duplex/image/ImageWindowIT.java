package dev.duplex.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * target/image/bin/duplex with no argument opens the real window (GTK under Xvfb, JavaFX's native libraries
 * loaded from the image's lib/, not unpacked from the jar) and runs the installer's scripted first use:
 * the embedded server starts, the client connects, sends, gets the echo, and the window closes itself.
 * Monocle, which the unit tests use, is not in the image, so only this shows that the image's window runs.
 */
@EnabledOnOs(OS.LINUX)
class ImageWindowIT {
    private static final Duration BOUND = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @Test
    void theImageOpensItsWindowRunsAnEchoAndClosesWithStatusZero() throws Exception {
        Path duplex = Images.launcher();
        requireXvfbRun();
        Map<String, String> env = new HashMap<>(Images.isolatedEnvironment(home));
        // user.home too: JavaFX unpacks native libraries it finds only in its jars into ~/.openjfx.
        env.put("DUPLEX_JAVA_OPTIONS", env.get("DUPLEX_JAVA_OPTIONS") + " -Dduplex.training=true -Duser.home=" + home);
        try (ProgramRun window = ProgramRun.start(List.of("xvfb-run", "-a", duplex.toString()), env)) {
            assertEquals(0, window.awaitExit(BOUND), "the window's exit status\n" + window.transcript());
            // The window closed through its own shutdown, which saves the settings, in the test's folder.
            Path settings = home.resolve("config").resolve("settings.properties");
            if (!Files.isRegularFile(settings)) fail("no " + settings + " after the window closed\n" + window.transcript());
            Path unpacked = home.resolve(".openjfx");
            if (Files.exists(unpacked)) fail("JavaFX unpacked its native libraries into " + unpacked + " instead of loading the image's");
            List<String> exceptions = window.allLines().stream().filter(l -> l.contains("Exception")).toList();
            assertEquals(List.of(), exceptions, window.transcript());
        }
    }

    /** Xvfb gives the window a display here; .ci/run installs it, so under CI=true its absence fails. */
    private static void requireXvfbRun() {
        String path = System.getenv("PATH");
        boolean present = path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "xvfb-run")).anyMatch(Files::isExecutable);
        if (present) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true, so this must not be skipped: no xvfb-run on PATH");
        Assumptions.abort("no xvfb-run on PATH (apt-get install xvfb); skipped, under CI=true this fails");
    }
}
