package dev.duplex;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.duplex.cli.Cli;
import dev.duplex.settings.ThemeChoice;
import javafx.application.Application;

/**
 * Starts the window when given no arguments or one ws:// or wss:// link (a desktop's link handler passes
 * it), either with {@code --theme light|dark|system} for that start; else the command line ({@code serve},
 * {@code connect}, {@code --version}, {@code --help}). One entry point, so the jlink launcher and the
 * installers need only one.
 */
public final class Main {
    /** The window's parameter for {@code --theme}, as JavaFX names {@code --theme=dark}. */
    static final String THEME = "theme";

    private Main() { }

    public static void main(String[] args) {
        Optional<String[]> window = windowArguments(args);
        if (window.isPresent()) {
            // DuplexApp reads the link (unnamed) and the theme (named) from its parameters.
            Application.launch(DuplexApp.class, window.get());
            return;
        }
        // The seed's replies are Chinese: write UTF-8 whatever the platform's default encoding is.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = Cli.run(args, System.in, out, err, Cli.SignalHook.SYSTEM);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Whether these arguments ask for the window: none, or one link (see {@link #isLink}), with or without a theme. */
    static boolean opensWindow(String[] args) {
        return windowArguments(args).isPresent();
    }

    /**
     * The window's parameters when {@code args} ask for it: at most one link and {@code --theme V} (or
     * {@code --theme=V}) with a theme there is, as {@code --theme=v} and the link. Empty otherwise, and so for
     * a theme that is none of ours: the command line then says what is wrong, in the user's language.
     */
    static Optional<String[]> windowArguments(String[] args) {
        List<String> links = new ArrayList<>();
        ThemeChoice theme = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String typed = arg.equals("--theme") && i + 1 < args.length ? args[++i]
                    : arg.startsWith("--theme=") ? arg.substring("--theme=".length()) : null;
            if (typed != null) {
                Optional<ThemeChoice> chosen = ThemeChoice.parse(typed);
                if (chosen.isEmpty()) return Optional.empty();
                theme = chosen.get();
            } else if (isLink(arg)) {
                links.add(arg);
            } else {
                return Optional.empty();
            }
        }
        if (links.size() > 1) return Optional.empty();
        List<String> window = new ArrayList<>();
        if (theme != null) window.add("--" + THEME + "=" + theme.key());
        window.addAll(links);
        return Optional.of(window.toArray(String[]::new));
    }

    /**
     * Whether an argument is a link to open: it starts with the ws: or wss: scheme, in any case. Only the
     * scheme is looked at here: the rest is checked by the tab, so a bad link still opens the window and
     * its notice says what is wrong, as if it had been typed there.
     */
    static boolean isLink(String arg) {
        String a = arg.strip().toLowerCase(Locale.ROOT);
        return a.startsWith("ws:") || a.startsWith("wss:");
    }
}
