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
import dev.duplex.yardstick.BareWindow;

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
        // On the class path, with the runtime's class-data-sharing archive (its JavaFX classes too), as
        // Duplex has it. Not with --limit-modules, which the JDK 17 runtime answers by switching class-data
        // sharing off: BareWindow's package is none of the image's module, so it needs no such limit.
        List<String> bare = List.of(java.toString(),
                "-cp", BUILD.resolve("test-classes").toString(), BareWindow.Launcher.class.getName());
        Map<String, Start> starts = new LinkedHashMap<>();
        starts.put("app image", new Start(List.of(launcher.toString()), ""));
        starts.put("bare window", new Start(bare, ""));
        starts.put("app image, -Xshare:off", new Start(List.of(launcher.toString()), "-Xshare:off"));
        Map<String, Frames> medians;
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
        long app = medians.get("app image").first();
        long ready = medians.get("app image").ready();
        long bareMs = medians.get("bare window").first();
        long noArchive = medians.get("app image, -Xshare:off").first();
        double imageMb = megabytes(image);
        double archiveMb = Files.size(image.resolve("lib/runtime/lib/server/classes.jsa")) / (double) (1 << 20);
        System.out.printf(Locale.ROOT, "%napp image on Xvfb, start-up to first frame (median of %d, alternated): "
                + "%d ms; bare JavaFX window on the same runtime %d ms; ratio %.2fx (target 1.2x)%n"
                + "the whole window (every panel built, laid out) %d ms, %.2fx the bare window%n"
                + "without its class-data-sharing archive (-Xshare:off) %d ms: the archive saves %.0f %%%n"
                + "app image %.1f MB (target 80), of which its archive %.1f MB%n",
                RUNS, app, bareMs, app / (double) bareMs, ready, ready / (double) bareMs,
                noArchive, 100.0 * (noArchive - app) / noArchive, imageMb, archiveMb);
        write("startup-image.json", String.format(Locale.ROOT,
                "{\"runs\": %d, \"appImageMs\": %d, \"bareMs\": %d, \"ratio\": %.2f, \"wholeWindowMs\": %d, "
                        + "\"wholeWindowRatio\": %.2f, \"withoutArchiveMs\": %d, \"imageMB\": %.1f, \"archiveMB\": %.1f}%n",
                RUNS, app, bareMs, app / (double) bareMs, ready, ready / (double) bareMs, noArchive, imageMb, archiveMb));
    }

    @Test
    void onTheClassPathAgainstABareWindow() throws Exception {
        Map<String, String> mains = new LinkedHashMap<>();
        mains.put("Duplex", Main.class.getName());
        mains.put("bare window", BareWindow.Launcher.class.getName());
        Map<String, Frames> medians = alternated(mains, StartupBenchmark::headless);
        long duplex = medians.get("Duplex").first();
        long whole = medians.get("Duplex").ready();
        long bare = medians.get("bare window").first();
        System.out.printf(Locale.ROOT, "%nclass path, headless Monocle, start-up to first frame (median of %d, alternated): "
                + "Duplex %d ms (the whole window %d ms), bare JavaFX window %d ms, ratio %.2fx%n",
                RUNS, duplex, whole, bare, duplex / (double) bare);
        write("startup.json", String.format(Locale.ROOT,
                "{\"duplexMs\": %d, \"wholeWindowMs\": %d, \"bareMs\": %d, \"ratio\": %.2f}%n",
                duplex, whole, bare, duplex / (double) bare));
    }

    /** One way of starting a window: a command, and a JVM option given through JAVA_TOOL_OPTIONS (the launcher takes no other). */
    private record Start(List<String> command, String jvmOption) {
        Frames firstFrame(String display) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("DISPLAY", display);
            pb.environment().put("JAVA_TOOL_OPTIONS", ("-Dduplex.startup.probe=true -Dduplex.config.dir="
                    + Files.createTempDirectory("duplex-startup") + " " + jvmOption).strip());
            return StartupBenchmark.firstFrame(pb, String.join(" ", command) + " " + jvmOption);
        }
    }

    /**
     * When a start's frames came, in ms from just before its process was started: its first frame, and the
     * first after its whole window was built and laid out (Duplex's first frame is {@code FirstScreen};
     * a bare window's first is its whole).
     */
    private record Frames(long first, long ready) { }

    private interface Timed<T> {
        Frames firstFrame(T start) throws Exception;
    }

    /**
     * One round unmeasured (it fills the disk cache), then {@link #RUNS} rounds of each start in turn;
     * prints every time and gives each start's medians.
     */
    private static <T> Map<String, Frames> alternated(Map<String, T> starts, Timed<T> timed) throws Exception {
        for (T start : starts.values()) timed.firstFrame(start);
        Map<String, Frames[]> times = new LinkedHashMap<>();
        for (String name : starts.keySet()) times.put(name, new Frames[RUNS]);
        for (int i = 0; i < RUNS; i++) {
            for (var start : starts.entrySet()) times.get(start.getKey())[i] = timed.firstFrame(start.getValue());
        }
        Map<String, Frames> medians = new LinkedHashMap<>();
        for (var t : times.entrySet()) {
            long[] first = Arrays.stream(t.getValue()).mapToLong(Frames::first).toArray();
            long[] ready = Arrays.stream(t.getValue()).mapToLong(Frames::ready).toArray();
            System.out.printf(Locale.ROOT, "  %-24s first frame %s ms, whole window %s ms%n",
                    t.getKey(), Arrays.toString(first), Arrays.toString(ready));
            Arrays.sort(first);
            Arrays.sort(ready);
            medians.put(t.getKey(), new Frames(first[RUNS / 2], ready[RUNS / 2]));
        }
        return medians;
    }

    private static Frames headless(String mainClass) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dduplex.startup.probe=true", "-Dduplex.config.dir=" + Files.createTempDirectory("duplex-startup")));
        cmd.add(mainClass);
        return firstFrame(new ProcessBuilder(cmd).redirectErrorStream(true), mainClass);
    }

    /**
     * Starts {@code pb} and reads its FIRST_FRAME and WINDOW_READY lines (a bare window prints only the
     * first; its whole window is that frame); a start that never paints fails the run. The clock starts
     * here, not at the process's start time the OS reports: Linux gives that in ticks since a boot time
     * known to the second, which moved every start alike by a few hundred ms.
     */
    private static Frames firstFrame(ProcessBuilder pb, String what) throws Exception {
        long started = System.currentTimeMillis();
        Process p = pb.start();
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
            long first = -1;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("FIRST_FRAME ")) first = Long.parseLong(line.substring(12).strip()) - started;
                if (line.startsWith("WINDOW_READY ")) return new Frames(first, Long.parseLong(line.substring(13).strip()) - started);
            }
            if (first >= 0) return new Frames(first, first);
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
