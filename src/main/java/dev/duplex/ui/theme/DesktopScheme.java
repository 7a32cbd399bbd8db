package dev.duplex.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop prefers dark windows, for the System theme: GNOME's {@code color-scheme} setting or a
 * {@code GTK_THEME} ending in {@code :dark} on Linux, {@code AppsUseLightTheme} in the Windows registry,
 * {@code AppleInterfaceStyle} on macOS. Reading it starts a program, so it is read once, on a thread of its
 * own, never on the FX thread; anything that cannot be read counts as light.
 */
public final class DesktopScheme {
    /** A desktop that takes longer than this to answer is taken for light. */
    private static final long ANSWER_MS = 2_000;
    private static CompletableFuture<Boolean> preference;

    private DesktopScheme() { }

    /**
     * The desktop's preference, read on first call (the app asks early, in its {@code init}, so the answer
     * is usually in by the time the window shows); true for dark.
     */
    public static synchronized CompletableFuture<Boolean> preference() {
        if (preference == null) {
            preference = new CompletableFuture<>();
            Thread reader = new Thread(() -> preference.complete(readPrefersDark()), "duplex-desktop-theme");
            reader.setDaemon(true);
            reader.start();
        }
        return preference;
    }

    private static boolean readPrefersDark() {
        try {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.startsWith("windows")) {
                return registrySaysDark(run("reg", "query",
                        "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme"));
            }
            if (os.startsWith("mac")) return defaultsSaysDark(run("defaults", "read", "-g", "AppleInterfaceStyle"));
            return gtkThemeIsDark(System.getenv("GTK_THEME"))
                    || gsettingsSaysDark(run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        } catch (RuntimeException e) {
            return false; // whatever went wrong, the window is light, as it would be without a preference
        }
    }

    /** {@code GTK_THEME=Adwaita:dark} asks GTK for a theme's dark variant (some name a dark theme "…-dark"). */
    static boolean gtkThemeIsDark(String gtkTheme) {
        if (gtkTheme == null) return false;
        String t = gtkTheme.strip().toLowerCase(Locale.ROOT);
        return t.endsWith(":dark") || t.endsWith("-dark");
    }

    /** {@code gsettings get org.gnome.desktop.interface color-scheme} prints {@code 'prefer-dark'}. */
    static boolean gsettingsSaysDark(String output) {
        return output != null && output.strip().equals("'prefer-dark'");
    }

    /** {@code reg query …\Personalize /v AppsUseLightTheme} prints a line ending in 0x0 for dark apps. */
    static boolean registrySaysDark(String output) {
        if (output == null) return false;
        return output.lines().map(String::strip).filter(l -> l.startsWith("AppsUseLightTheme"))
                .anyMatch(l -> l.endsWith("0x0"));
    }

    /** {@code defaults read -g AppleInterfaceStyle} prints Dark, and fails when the desktop is light. */
    static boolean defaultsSaysDark(String output) {
        return output != null && output.strip().equalsIgnoreCase("dark");
    }

    /** What the program printed when it exits 0 within {@link #ANSWER_MS}; null otherwise (absent, failed, slow). */
    private static String run(String... command) {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close(); // nothing to say to it
        } catch (IOException e) {
            return null; // no such program here
        }
        try (InputStream out = process.getInputStream()) {
            // The answer is one short line: it fits the pipe, so waiting first cannot dead-lock.
            if (!process.waitFor(ANSWER_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? new String(out.readAllBytes(), StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return null;
        }
    }
}
