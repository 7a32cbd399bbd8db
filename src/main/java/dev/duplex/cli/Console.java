package dev.duplex.cli;

import java.io.InputStream;
import java.io.PrintStream;

import dev.duplex.i18n.Texts;

/**
 * Where a command reads and writes, how it learns to stop, and the language it speaks: the process's own
 * streams and signals, or a test's.
 */
record Console(InputStream in, PrintStream out, PrintStream err, Cli.SignalHook signals, Texts texts) {
    /** Standard input, output and error, SIGINT/SIGTERM, and the user's language. */
    static Console system() {
        return new Console(System.in, System.out, System.err, Cli.SignalHook.SYSTEM, Texts.of(Texts.localeFor("")));
    }
}
