package dev.duplex.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The bash completion that the build writes with picocli from the command classes, as shipped in
 * target/image/share/bash-completion/completions/duplex (and from there in the app image and the .deb):
 * bash can source it, it registers for {@code duplex}, and it completes our real commands and options.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "bash completion")
class ImageCompletionIT {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void theImageShipsABashCompletionThatCompletesDuplexsCommandsAndOptions() throws Exception {
        Path script = Images.image().resolve("share/bash-completion/completions/duplex");
        assertTrue(Files.isRegularFile(script), script + " is missing");

        String registered = bash("source \"$1\" && complete -p duplex", script).trim();
        Matcher function = Pattern.compile("-F (\\S+) .*\\bduplex\\b").matcher(registered);
        assertTrue(function.find(), "complete -p duplex printed: " + registered);

        List<String> commands = completions(script, function.group(1), "duplex", "se");
        assertTrue(commands.contains("serve"), "duplex se<TAB>: " + commands);
        List<String> serveOptions = completions(script, function.group(1), "duplex", "serve", "--tl");
        assertTrue(serveOptions.contains("--tls"), "duplex serve --tl<TAB>: " + serveOptions);
        List<String> connectOptions = completions(script, function.group(1), "duplex", "connect", "--tru");
        assertTrue(connectOptions.contains("--trust"), "duplex connect --tru<TAB>: " + connectOptions);
    }

    @Test
    void itOffersTheThemesAfterTheme() throws Exception {
        Path script = Images.image().resolve("share/bash-completion/completions/duplex");
        String registered = bash("source \"$1\" && complete -p duplex", script);
        Matcher function = Pattern.compile("-F (\\S+) .*\\bduplex\\b").matcher(registered);
        assertTrue(function.find());
        List<String> themes = completions(script, function.group(1), "duplex", "--theme", "d");
        assertEquals(List.of("dark"), themes, "duplex --theme d<TAB>");
    }

    /** What the completion function offers for the last of {@code words}, the way bash calls it on Tab. */
    private static List<String> completions(Path script, String function, String... words) throws Exception {
        String line = String.join(" ", words);
        String program = "source \"$1\"; COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length() + "; " + function
                + " duplex '" + words[words.length - 1] + "' '" + words[words.length - 2] + "'"
                + "; printf '%s\\n' \"${COMPREPLY[@]}\"";
        return bash(program, script).lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String bash(String program, Path script) throws Exception {
        try (ProgramRun bash = ProgramRun.start(List.of("bash", "-c", program, "bash", script.toString()), Map.of())) {
            bash.stdin().close();
            int status = bash.awaitExit(BOUND);
            assertEquals(0, status, bash.transcript());
            return String.join("\n", bash.outLines());
        }
    }
}
