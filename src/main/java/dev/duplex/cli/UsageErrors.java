package dev.duplex.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.duplex.i18n.Texts;
import dev.duplex.options.FieldProblem;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Arguments that do not make a command line, said in the user's language on one line (picocli's own
 * messages are English only), then where to find the options; exit status {@link Cli#USAGE}.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    private final Texts texts;

    UsageErrors(Texts texts) {
        this.texts = texts;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        PrintWriter err = e.getCommandLine().getErr();
        err.println(spec.qualifiedName() + ": " + words(e, spec));
        err.println(texts.get("cli.usage.tryHelp", spec.qualifiedName()));
        err.flush();
        return Cli.USAGE;
    }

    private String words(ParameterException e, CommandSpec spec) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            String said = first.startsWith("-") ? texts.get("cli.usage.unknownOption", first)
                    : spec.parent() == null ? texts.get("cli.usage.unknownCommand", first)
                    : texts.get("cli.usage.unexpected", first);
            List<String> near = u.getSuggestions();
            return near.isEmpty() ? said : texts.get("cli.usage.didYouMean", said, String.join(", ", near));
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec missing = m.getMissing().get(0);
            return missing instanceof OptionSpec o ? texts.get("cli.usage.needsValue", o.longestName())
                    : texts.get("cli.usage.missing", spec.name(), missing.paramLabel());
        }
        if (e.getCause() instanceof DuplexCommand.UnknownTheme unknown) {
            return texts.get("cli.badValue", "--theme " + unknown.typed, texts.get("theme.problem"));
        }
        // Our own checks (see problem below) are in words already; anything else picocli says as it says it.
        return e.getMessage();
    }

    /**
     * A value the options layer refused, as a usage error: the option as typed, then the words the window
     * shows for that field, such as {@code --port abc: The port must be a whole number from 0 to 65535 …}.
     *
     * @param option the option's name ("--port"), or what stands for it ("URL", "/close")
     * @param typed  the value typed, shown after the name; null for an option given several times
     */
    static ParameterException problem(CommandSpec spec, Texts texts, FieldProblem problem, String option, String typed) {
        String where = typed == null ? option : option + " " + typed;
        return new ParameterException(spec.commandLine(),
                texts.get("cli.badValue", where, texts.get(problem.key(), problem.argArray())));
    }

    /** Two options given together that exclude each other, or one given without the one it goes with. */
    static ParameterException conflict(CommandSpec spec, Texts texts, String key, String option, String other) {
        return new ParameterException(spec.commandLine(), texts.get(key, option, other));
    }
}
