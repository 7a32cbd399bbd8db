package dev.duplex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.duplex.i18n.Texts;
import picocli.AutoComplete;
import picocli.CommandLine;

/** {@code --theme} on the command line: a bad value said in both languages, the help and the bash completion. */
class ThemeCommandLineTest {

    private static List<String> errLines(Locale locale, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stop -> { }, locale);
        assertEquals(Cli.USAGE, status, String.join(" ", args));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aThemeThatIsNoneOfOursIsSaidInTheUsersLanguage() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            Texts texts = Texts.of(locale);
            String said = "duplex: " + texts.get("cli.badValue", "--theme blue", texts.get("theme.problem"));
            for (String[] args : new String[][] {{"--theme", "blue"}, {"--theme", "blue", "ws://127.0.0.1/"}, {"ws://h/", "--theme=blue"}}) {
                List<String> lines = errLines(locale, args);
                assertEquals(List.of(said, texts.get("cli.usage.tryHelp", "duplex")), lines, String.join(" ", args));
                assertFalse(String.join("\n", lines).contains("Exception"));
            }
        }
        assertEquals("duplex: --theme blue: The theme is light, dark or system (system follows the desktop).",
                errLines(Locale.ENGLISH, "--theme", "blue").get(0));
        assertEquals("duplex: --theme blue：主题只能是 light（浅色）、dark（深色）或 system（跟随桌面）。",
                errLines(Locale.SIMPLIFIED_CHINESE, "--theme", "blue").get(0));
        assertEquals("duplex: --theme needs a value", errLines(Locale.ENGLISH, "--theme").get(0));
    }

    @Test
    void theHelpShowsItAndTheCompletionOffersTheThemes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli.run(new String[] {"--help"}, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), stop -> { }, Locale.ENGLISH);
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("duplex --theme dark [URL]"), help);
        assertTrue(help.contains("--theme=THEME"), help);
        String script = AutoComplete.bash("duplex", new CommandLine(new DuplexCommand()));
        assertTrue(script.contains("--theme"), "the option");
        assertTrue(script.contains("(\"system\" \"light\" \"dark\") # --theme values"), "its values after --theme");
    }
}
