package dev.duplex;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.duplex.cli.Cli;
import javafx.application.Application;

/**
 * Starts the window when given no arguments or one ws:// or wss:// link (a desktop's link handler passes
 * it), else the command line ({@code serve}, {@code connect}, {@code --version}, {@code --help}). One
 * entry point, so the jlink launcher and the installers need only one.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        if (opensWindow(args)) {
            // DuplexApp reads the link from its raw parameters and opens the first tab at it.
            Application.launch(DuplexApp.class, args);
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

    /** Whether these arguments ask for the window: none, or one link (see {@link #isLink}). */
    static boolean opensWindow(String[] args) {
        return args.length == 0 || args.length == 1 && isLink(args[0]);
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
