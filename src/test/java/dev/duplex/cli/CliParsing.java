package dev.duplex.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.duplex.i18n.Texts;
import picocli.CommandLine;

/** A command line parsed as `duplex` would parse it, without running it: the command with its options set. */
final class CliParsing {
    private CliParsing() { }

    static ServeCommand serve(String... args) {
        return (ServeCommand) parse("serve", args);
    }

    static ConnectCommand connect(String... args) {
        return (ConnectCommand) parse("connect", args);
    }

    private static Object parse(String command, String... args) {
        Console console = new Console(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), stop -> { },
                Texts.of(Locale.ENGLISH));
        CommandLine line = Cli.commandLine(new DuplexCommand(console), Locale.ENGLISH);
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return line.parseArgs(all).subcommand().commandSpec().userObject();
    }
}
