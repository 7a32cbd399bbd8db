package dev.duplex.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.duplex.Main;

/**
 * Process start to first frame, median of several runs, each kind of start alternated with the others so
 * that a busy moment of the machine falls on all of them alike. Run with -Pbench, which builds the app
 * image first.
 * <ul>
 *   <li>The app image's own launcher on a real (virtual) X display, with its class-data-sharing archive
 *       and without it ({@code -Xshare:off}), against the smallest JavaFX window ({@link BareWindow})
 *       started by the same runtime, the one inside the app image: the target is the first of these at no
 *       more than 1.2x the last. Also prints the image's size and its archive's.</li>
 *   <li>Duplex against the bare window on the class path and headless Monocle: the build's own JDK, no
 *       archive, no display; what the code alone costs.</li>
 * </ul>
 */
@Tag("benchmark")
class StartupBenchmark {
    private static final int RUNS = 5;
    private static final Path BUILD = Path.of(System.getProperty("duplex.build.dir", "target"));

    @Test
    void appImageAgainstABareWindowOnItsOwnRuntime() throws Exception {
        Path image = BUILD.resolve("installer").resolve("Duplex");
        Path launcher = image.resolve("bin").resolve("Duplex");
        Path java = image.resolve("lib").resolve("runtime").resolve("bin").resolve("java");
        Assumptions.assumeTrue(Files.isExecutable(launcher) && Files.isExecutable(java),
                "no app image in " + image + ": mvn -Pbench builds it (unless -Dbench.appImage.skip)");
        Assumptions.assumeTrue(onPath("Xvfb"), "no Xvfb to show the image's window on");
        // Only the JavaFX modules: the image's dev.duplex module holds the package dev.duplex.ui too.
        List<String> bare = List.of(java.toString(), "--limit-modules", "javafx.controls",
                "-cp", BUILD.resolve("test-classes").toString(), BareWindow.Launcher.class.getName());
        Map<String, Start> starts = new LinkedHashMap<>();
        starts.put("app image", new Start(List.of(launcher.toString()), ""));
        starts.put("bare window", new Start(bare, ""));
        starts.put("app image, -Xshare:off", new Start(List.of(launcher.toString()), "-Xshare:off"));
        Map<String, Long> medians;
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // -displayfd: Xvfb writes its display number once it accepts clients.
            String display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine().strip();
            medians = alternated(starts, start -> start.firstFrame(display));
        } finally {
            xvfb.destroy();
        }
        long app = medians.get("app image");
        long bareMs = medians.get("bare window");
        long noArchive = medians.get("app image, -Xshare:off");
        double imageMb = megabytes(image);
        double archiveMb = Files.size(image.resolve("lib/runtime/lib/server/classes.jsa")) / (double) (1 << 20);
        System.out.printf(Locale.ROOT, "%napp image on Xvfb, start-up to first frame (median of %d, alternated): "
                + "%d ms; bare JavaFX window on the same runtime %d ms; ratio %.2fx (target 1.2x)%n"
                + "without its class-data-sharing archive (-Xshare:off) %d ms: the archive saves %.0f %%%n"
                + "app image %.1f MB (target 80), of which its archive %.1f MB%n",
                RUNS, app, bareMs, app / (double) bareMs, noArchive, 100.0 * (noArchive - app) / noArchive, imageMb, archiveMb);
        write("startup-image.json", String.format(Locale.ROOT,
                "{\"runs\": %d, \"appImageMs\": %d, \"bareMs\": %d, \"ratio\": %.2f, \"withoutArchiveMs\": %d, "
                        + "\"imageMB\": %.1f, \"archiveMB\": %.1f}%n",
                RUNS, app, bareMs, app / (double) bareMs, noArchive, imageMb, archiveMb));
    }

    @Test
    void onTheClassPathAgainstABareWindow() throws Exception {
        Map<String, String> mains = new LinkedHashMap<>();
        mains.put("Duplex", Main.class.getName());
        mains.put("bare window", BareWindow.Launcher.class.getName());
        Map<String, Long> medians = alternated(mains, StartupBenchmark::headless);
        long duplex = medians.get("Duplex");
        long bare = medians.get("bare window");
        System.out.printf(Locale.ROOT, "%nclass path, headless Monocle, start-up to first frame (median of %d, alternated): "
                + "Duplex %d ms, bare JavaFX window %d ms, ratio %.2fx%n", RUNS, duplex, bare, duplex / (double) bare);
        write("startup.json", String.format(Locale.ROOT, "{\"duplexMs\": %d, \"bareMs\": %d, \"ratio\": %.2f}%n",
                duplex, bare, duplex / (double) bare));
    }

    /** One way of starting a window: a command, and a JVM option given through JAVA_TOOL_OPTIONS (the launcher takes no other). */
    private record Start(List<String> command, String jvmOption) {
        long firstFrame(String display) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("DISPLAY", display);
            pb.environment().put("JAVA_TOOL_OPTIONS", ("-Dduplex.startup.probe=true -Dduplex.config.dir="
                    + Files.createTempDirectory("duplex-startup") + " " + jvmOption).strip());
            return StartupBenchmark.firstFrame(pb.start(), String.join(" ", command) + " " + jvmOption);
        }
    }

    private interface Timed<T> {
        long firstFrame(T start) throws Exception;
    }

    /**
     * One round unmeasured (it fills the disk cache), then {@link #RUNS} rounds of each start in turn;
     * prints every time and gives each start's median.
     */
    private static <T> Map<String, Long> alternated(Map<String, T> starts, Timed<T> timed) throws Exception {
        for (T start : starts.values()) timed.firstFrame(start);
        Map<String, long[]> times = new LinkedHashMap<>();
        for (String name : starts.keySet()) times.put(name, new long[RUNS]);
        for (int i = 0; i < RUNS; i++) {
            for (var start : starts.entrySet()) times.get(start.getKey())[i] = timed.firstFrame(start.getValue());
        }
        Map<String, Long> medians = new LinkedHashMap<>();
        for (var t : times.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-24s %s ms%n", t.getKey(), Arrays.toString(t.getValue()));
            long[] sorted = t.getValue().clone();
            Arrays.sort(sorted);
            medians.put(t.getKey(), sorted[RUNS / 2]);
        }
        return medians;
    }

    private static long headless(String mainClass) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dduplex.startup.probe=true", "-Dduplex.config.dir=" + Files.createTempDirectory("duplex-startup")));
        cmd.add(mainClass);
        return firstFrame(new ProcessBuilder(cmd).redirectErrorStream(true).start(), mainClass);
    }

    /** Milliseconds from the process's start to the FIRST_FRAME line it prints; a start that never paints fails the run. */
    private static long firstFrame(Process p, String what) throws Exception {
        long started = p.info().startInstant().map(java.time.Instant::toEpochMilli).orElseThrow();
        // A window that hangs must not hang the benchmark: its output ends when it is killed.
        var watchdog = new Thread(() -> {
            try {
                if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
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

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** The sum of a folder's file sizes in MiB (what the README and the installer test call MB). */
    private static double megabytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum() / (double) (1 << 20);
        }
    }

    private static void write(String name, String json) throws IOException {
        Path out = BUILD.resolve("benchmark").resolve(name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
    }
}
