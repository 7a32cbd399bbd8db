package dev.duplex;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.duplex.cli.Cli;
import javafx.application.Application;

/**
 * Starts the window when given no arguments, else the command line ({@code serve}, {@code connect},
 * {@code --version}, {@code --help}). One entry point, so the jlink launcher and the installers need
 * only one.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(DuplexApp.class);
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
}
