package dev.duplex.ui;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.duplex.Main;

/**
 * Process start to first painted frame, Duplex against a bare JavaFX window started the same way (a
 * new JVM on the class path, headless Monocle), median of several runs. Run with -Pbench.
 */
@Tag("benchmark")
class StartupBenchmark {
    private static final int RUNS = 5;

    @Test
    void startupAgainstABareWindow() throws Exception {
        long duplex = median(Main.class.getName(), true);
        long bare = median(BareWindow.Launcher.class.getName(), false);
        System.out.printf(Locale.ROOT, "%nstart-up to first frame (median of %d): Duplex %d ms, bare JavaFX window %d ms, ratio %.2fx%n",
                RUNS, duplex, bare, duplex / (double) bare);
        Path out = Path.of(System.getProperty("duplex.build.dir", "target"), "benchmark", "startup.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(Locale.ROOT, "{\"duplexMs\": %d, \"bareMs\": %d, \"ratio\": %.2f}%n",
                duplex, bare, duplex / (double) bare));
    }

    private static long median(String mainClass, boolean duplex) throws Exception {
        long[] times = new long[RUNS];
        for (int i = 0; i < RUNS; i++) times[i] = once(mainClass, duplex);
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private static long once(String mainClass, boolean duplex) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dduplex.startup.probe=true", "-Dduplex.config.dir=" + Files.createTempDirectory("duplex-startup")));
        cmd.add(mainClass);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        long started = p.info().startInstant().map(java.time.Instant::toEpochMilli).orElseThrow();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("FIRST_FRAME ")) {
                    p.waitFor(10, TimeUnit.SECONDS);
                    return Long.parseLong(line.substring(12).strip()) - started;
                }
            }
        } finally {
            p.destroyForcibly();
        }
        throw new AssertionError(mainClass + " never painted a frame");
    }
}
