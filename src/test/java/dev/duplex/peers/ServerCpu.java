package dev.duplex.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The CPU time a server under benchmark has used so far, in nanoseconds, read the same way for all of
 * them from Linux's scheduler counts (/proc/.../schedstat): on cores shared with other work, CPU time per
 * echo is the figure that moves least from run to run (throughput also measures whoever else ran). For a
 * server in this JVM it is the sum over the threads it started; for Node's, its process. Elsewhere than
 * Linux every reading is -1, and the benchmark says so.
 */
final class ServerCpu {
    /** The thread names (as the kernel holds them) of Java-WebSocket's threads and of Duplex's own. */
    private static final List<String> SERVER_THREADS = List.of("WebSocket", "duplex-", "connectionLost");
    private static final Path TASKS = Path.of("/proc/self/task");

    private ServerCpu() { }

    /** Starts a server in this JVM and returns the CPU time of the threads it started. */
    static LongSupplier ofThreadsStartedBy(ThrowingRunnable start) throws Exception {
        Set<Path> before = new HashSet<>(tasks());
        start.run();
        List<Path> started = new ArrayList<>();
        for (Path task : tasks()) {
            if (before.contains(task)) continue;
            String name = read(task.resolve("comm")).strip();
            if (SERVER_THREADS.stream().anyMatch(name::startsWith)) started.add(task);
        }
        if (started.isEmpty()) return () -> -1;
        if (Boolean.getBoolean("echo.debug")) started.forEach(t -> System.out.println("measuring " + t + " " + read(t.resolve("comm")).strip()));
        return () -> {
            long sum = 0;
            for (Path task : started) {
                long n = schedstat(task);
                if (n > 0) sum += n; // a thread that ended no longer counts
            }
            return sum;
        };
    }

    /** The CPU time of a whole process. */
    static LongSupplier ofProcess(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        return () -> schedstat(proc);
    }

    /** The first field of schedstat: nanoseconds run on a CPU; -1 when it cannot be read. */
    private static long schedstat(Path procOrTask) {
        try {
            String s = read(procOrTask.resolve("schedstat"));
            return s.isEmpty() ? -1 : Long.parseLong(s.substring(0, s.indexOf(' ')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static List<Path> tasks() {
        if (!Files.isDirectory(TASKS)) return List.of();
        try (Stream<Path> s = Files.list(TASKS)) {
            return s.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
