package dev.duplex.ui;

import dev.duplex.model.Workbench;
import dev.duplex.model.client.ClientState;
import dev.duplex.model.client.ClientTab;
import dev.duplex.model.server.ServerState;
import dev.duplex.protocol.MessageMode;

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

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.duplex.Main;

/**
 * Process start to first painted frame, median of several runs. Run with -Pbench.
 * <ul>
 *   <li>Duplex against a bare JavaFX window started the same way (a new JVM on the class path, headless
 *       Monocle);</li>
 *   <li>when {@code mvn -Pinstaller} has built the app image and Xvfb is installed: the app image's own
 *       launcher on a real (virtual) X display, with its class-data-sharing archive and without it
 *       ({@code -Xshare:off}), against the bare window on the same display.</li>
 * </ul>
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

    @Test
    void appImageWithAndWithoutItsArchive() throws Exception {
        Path launcher = Path.of(System.getProperty("duplex.build.dir", "target"), "installer", "Duplex", "bin", "Duplex");
        Assumptions.assumeTrue(Files.isExecutable(launcher), "no app image: build it with mvn -Pinstaller -DskipTests package");
        Assumptions.assumeTrue(onPath("Xvfb"), "no Xvfb to show the image's window on");
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // -displayfd: Xvfb writes its display number once it accepts clients.
            String display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII)).readLine().strip();
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> bare = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                    "-Dglass.platform=gtk", BareWindow.Launcher.class.getName());
            long withArchive = median(() -> List.of(launcher.toString()), display, "");
            long withoutArchive = median(() -> List.of(launcher.toString()), display, "-Xshare:off");
            long bareWindow = median(() -> bare, display, "");
            System.out.printf(Locale.ROOT, "%napp image on Xvfb, start-up to first frame (median of %d): with its archive %d ms, "
                    + "without (-Xshare:off) %d ms, bare JavaFX window (class path) %d ms; ratio to bare %.2fx%n",
                    RUNS, withArchive, withoutArchive, bareWindow, withArchive / (double) bareWindow);
            Path out = Path.of(System.getProperty("duplex.build.dir", "target"), "benchmark", "startup-image.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, String.format(Locale.ROOT,
                    "{\"withArchiveMs\": %d, \"withoutArchiveMs\": %d, \"bareMs\": %d, \"ratio\": %.2f}%n",
                    withArchive, withoutArchive, bareWindow, withArchive / (double) bareWindow));
        } finally {
            xvfb.destroy();
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** Median first-frame time of a command on {@code display}; {@code jvmOption} goes in through JAVA_TOOL_OPTIONS. */
    private static long median(java.util.function.Supplier<List<String>> command, String display, String jvmOption) throws Exception {
        long[] times = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            ProcessBuilder pb = new ProcessBuilder(command.get()).redirectErrorStream(true);
            pb.environment().put("DISPLAY", display);
            pb.environment().put("JAVA_TOOL_OPTIONS", ("-Dduplex.startup.probe=true -Dduplex.config.dir="
                    + Files.createTempDirectory("duplex-startup") + " " + jvmOption).strip());
            times[i] = firstFrame(pb.start(), command.get().get(0));
        }
        Arrays.sort(times);
        return times[RUNS / 2];
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
        return firstFrame(new ProcessBuilder(cmd).redirectErrorStream(true).start(), mainClass);
    }

    /** Milliseconds from the process's start to the FIRST_FRAME line it prints. */
    private static long firstFrame(Process p, String what) throws Exception {
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
        throw new AssertionError(what + " never painted a frame");
    }
}
