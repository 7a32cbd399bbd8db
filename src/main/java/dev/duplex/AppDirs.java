package dev.duplex;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Duplex keeps its files, decided once for the window and the command line alike: the config
 * directory (settings, saved messages and history) and the data directory (saved connections, the
 * embedded server's own certificate). Tests point both elsewhere with {@code -Dduplex.config.dir} and
 * {@code -Dduplex.data.dir}.
 */
public final class AppDirs {
    private AppDirs() { }

    /** %APPDATA%\Duplex, ~/Library/Application Support/Duplex, or $XDG_CONFIG_HOME/duplex (~/.config/duplex). */
    public static Path config() {
        String override = System.getProperty("duplex.config.dir");
        if (override != null && !override.isBlank()) return Path.of(override);
        return platformDir("XDG_CONFIG_HOME", Path.of(".config"));
    }

    /** The same folder as {@link #config()} on Windows and macOS; $XDG_DATA_HOME/duplex (~/.local/share/duplex) elsewhere. */
    public static Path data() {
        String override = System.getProperty("duplex.data.dir");
        if (override != null && !override.isBlank()) return Path.of(override);
        return platformDir("XDG_DATA_HOME", Path.of(".local", "share"));
    }

    private static Path platformDir(String xdgVariable, Path xdgFallback) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return appData != null ? Path.of(appData, "Duplex") : Path.of(home, "AppData", "Roaming", "Duplex");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "Duplex");
        String xdg = System.getenv(xdgVariable);
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "duplex") : Path.of(home).resolve(xdgFallback).resolve("duplex");
    }
}
