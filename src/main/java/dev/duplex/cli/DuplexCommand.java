package dev.duplex.cli;

import java.util.concurrent.Callable;

import dev.duplex.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code duplex}: the top command, with {@code serve} and {@code connect} under it. (With no argument at
 * all, {@code dev.duplex.Main} opens the window instead of coming here.) Its words are in the {@code
 * dev.duplex.cli.usage} bundles; the bash completion script is generated from this class.
 */
@Command(name = "duplex", mixinStandardHelpOptions = true, versionProvider = DuplexCommand.VersionLine.class,
        subcommands = {ServeCommand.class, ConnectCommand.class, HelpCommand.class})
public final class DuplexCommand implements Callable<Integer> {
    private final Console console;
    @Spec
    private CommandSpec spec;

    /** The command on the process's own streams: what picocli's AutoComplete (and any other tool) makes. */
    public DuplexCommand() {
        this(Console.system());
    }

    DuplexCommand(Console console) {
        this.console = console;
    }

    Console console() {
        return console;
    }

    /** {@code duplex} with only options that are not --help or --version: says how it is used. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Cli.USAGE;
    }

    /** {@code duplex --version}: "duplex 0.1.0". */
    static final class VersionLine implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"duplex " + Version.get()};
        }
    }
}
