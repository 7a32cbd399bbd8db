package dev.duplex.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's runtime carries the thread priorities the window's flood figures depend on (the pom's
 * duplex.jvm.priorities): inside the runtime, where the JVM takes them without a word, not on the
 * launcher's command line, where it warns at every start for a user who is not root.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the image's bin/java is bin/java.exe there")
class ImageThreadPrioritiesIT {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path home;

    @Test
    void theRuntimeMakesPrioritiesRealAndKeepsNoneAboveNormal() throws Exception {
        Path java = Images.image().resolve("bin").resolve("java");
        assertTrue(Files.isExecutable(java), java + " missing");
        Map<String, String> env = Images.isolatedEnvironment(home);
        try (ProgramRun run = ProgramRun.start(List.of(java.toString(), "-XX:+PrintFlagsFinal", "-version"), env)) {
            assertEquals(0, run.awaitExit(BOUND), run.transcript());
            String flags = run.transcript();
            assertEquals("1", flag(flags, "ThreadPriorityPolicy"));
            assertEquals("4", flag(flags, "CompilerThreadPriority"));
            for (int p = 6; p <= 10; p++) assertEquals("0", flag(flags, "JavaPriority" + p + "_To_OSPriority"));
            assertFalse(flags.contains("may require system level permission"), flags);
        }
    }

    /** A flag's value in -XX:+PrintFlagsFinal's table, whose lines read "type name = value {kind} {origin}". */
    private static String flag(String table, String name) {
        Matcher m = Pattern.compile("\\s" + name + "\\s+=\\s+(\\S+)").matcher(table);
        assertTrue(m.find(), name + " not in\n" + table);
        return m.group(1);
    }
}
