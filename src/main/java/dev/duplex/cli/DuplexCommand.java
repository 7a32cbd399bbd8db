package dev.duplex.cli;

import java.util.concurrent.Callable;

import dev.duplex.Version;
import dev.duplex.settings.ThemeChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code duplex}: the top command, with {@code serve}, {@code connect} and {@code replay} under it. (With no
 * argument at all, {@code dev.duplex.Main} opens the window instead of coming here.) Its words are in the
 * {@code dev.duplex.cli.usage} bundles; the bash completion script is generated from this class.
 */
@Command(name = "duplex", mixinStandardHelpOptions = true, versionProvider = DuplexCommand.VersionLine.class,
        subcommands = {ServeCommand.class, ConnectCommand.class, ProxyCommand.class, ReplayCommand.class, CheckCommand.class,
                HelpCommand.class})
public final class DuplexCommand implements Callable<Integer> {
    private final Console console;
    @Spec
    private CommandSpec spec;
    /**
     * The window's theme for one start. A good one with nothing else (or with one link) never comes here:
     * Main opens the window. Declared so that help and the bash completion show it, and a bad one is said.
     */
    @Option(names = "--theme", paramLabel = "THEME", completionCandidates = ThemeNames.class,
            converter = ThemeConverter.class)
    private ThemeChoice theme;

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

    /** What the bash completion offers after {@code --theme}. */
    static final class ThemeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(ThemeChoice.values()).map(ThemeChoice::key).iterator();
        }
    }

    /** Reads {@code --theme}; a theme that is none of ours is said by {@link UsageErrors} in the user's words. */
    static final class ThemeConverter implements ITypeConverter<ThemeChoice> {
        @Override
        public ThemeChoice convert(String typed) {
            return ThemeChoice.parse(typed).orElseThrow(() -> new UnknownTheme(typed));
        }
    }

    /** A {@code --theme} value that is not light, dark or system. */
    static final class UnknownTheme extends RuntimeException {
        final String typed;

        UnknownTheme(String typed) {
            super("unknown theme " + typed, null, false, false);
            this.typed = typed;
        }
    }

    /** {@code duplex --version}: "duplex 0.1.0". */
    static final class VersionLine implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"duplex " + Version.get()};
        }
    }
}
