package dev.duplex.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import dev.duplex.ui.shell.FirstScreen;

import javafx.scene.paint.Color;

/**
 * Every colour of ours is one the themes look up, so that it reads in Primer Light and in Primer Dark: no
 * literal colour in our stylesheets, in a style or colour attribute of our FXML, or in our Java code.
 */
class ThemeColoursTest {
    private static final Path MAIN = Path.of("src", "main");
    /** #rgb to #rrggbbaa, rgb()/rgba()/hsb()/hsba(), and JavaFX's colour names (white, orange, aliceblue …). */
    private static final Pattern LITERAL = Pattern.compile(
            "#[0-9a-fA-F]{3,8}\\b|\\b(?:rgba?|hsba?)\\s*\\(|\\b(?:" + colourNames() + ")\\b", Pattern.CASE_INSENSITIVE);

    private static String colourNames() {
        return Arrays.stream(Color.class.getFields())
                .filter(f -> f.getType() == Color.class && Modifier.isStatic(f.getModifiers()))
                .map(f -> f.getName().toLowerCase(Locale.ROOT))
                .filter(name -> !name.equals("transparent")) // no colour at all: reads the same in any theme
                .collect(Collectors.joining("|"));
    }

    /** The literal colours in a stylesheet's declarations (comments and font families left out). */
    static List<String> literalColours(String css) {
        String code = css.replaceAll("(?s)/\\*.*?\\*/", " ");
        List<String> found = new ArrayList<>();
        for (String declaration : code.split("[;{}]")) {
            int colon = declaration.indexOf(':');
            if (colon < 0 || declaration.contains("-fx-font-family")) continue;
            // Only what follows the colon: a selector such as .list-cell:selected is no colour.
            if (declaration.substring(0, colon).strip().matches(".*[\\s.>].*")) continue;
            Matcher m = LITERAL.matcher(declaration.substring(colon + 1));
            while (m.find()) found.add(declaration.strip());
        }
        return found;
    }

    @Test
    void theCheckFindsWhatItLooksFor() {
        assertEquals(List.of("-fx-text-fill: #b91c1c"), literalColours(".log .list-cell:in { -fx-text-fill: #b91c1c; }"));
        assertEquals(1, literalColours(".a { -fx-background-color: rgba(0, 0, 0, 0.5); }").size());
        assertEquals(1, literalColours(".a:selected { -fx-text-fill: white; }").size());
        assertEquals(1, literalColours(".a { -duplex-sent: orange; }").size());
        assertEquals(List.of(), literalColours(".a:selected { -fx-text-fill: -color-fg-default; } /* was #fff */"));
        assertEquals(List.of(), literalColours(".a { -fx-font-family: \"Menlo\", monospace; -fx-border-color: transparent; }"));
    }

    @Test
    void ourStylesheetsUseOnlyTheThemesColours() throws IOException {
        List<Path> sheets = files(".css");
        assertTrue(sheets.stream().anyMatch(p -> p.endsWith("duplex.css")), "duplex.css not found: " + sheets);
        for (Path sheet : sheets) {
            List<String> found = literalColours(Files.readString(sheet, StandardCharsets.UTF_8));
            assertEquals(List.of(), found, sheet + ": use a looked-up colour of AtlantaFX's (-color-…) instead");
        }
    }

    @Test
    void ourFxmlAndJavaSetNoColourOfTheirOwn() throws IOException {
        Pattern fxmlColour = Pattern.compile("(?i)\\b(style|textFill|fill|stroke|color)\\s*=\\s*\"[^\"]*\"|<Color\\b");
        Pattern javaColour = Pattern.compile("\\bColor\\.(web|rgb|hsb|color|[A-Z]{3,})\\b|setStyle\\s*\\(|import javafx\\.scene\\.paint\\.Color;");
        Set<String> offenders = new java.util.TreeSet<>();
        for (Path fxml : files(".fxml")) {
            if (fxmlColour.matcher(Files.readString(fxml, StandardCharsets.UTF_8)).find()) offenders.add(fxml.toString());
        }
        for (Path java : files(".java")) {
            // It paints before any theme is loaded; theFirstScreensColoursAreThePrimerThemes checks its own.
            if (java.endsWith("FirstScreen.java")) continue;
            if (javaColour.matcher(Files.readString(java, StandardCharsets.UTF_8)).find()) offenders.add(java.toString());
        }
        assertFalse(files(".fxml").isEmpty(), "no FXML found under " + MAIN.toAbsolutePath());
        assertEquals(Set.of(), offenders, "colours belong in duplex.css, as looked-up colours");
    }

    @Test
    void theFirstScreensColoursAreThePrimerThemes() throws IOException {
        assertEquals(List.of(FirstScreen.LIGHT.background(), FirstScreen.LIGHT.text()),
                themeColours("primer-light.css", "-color-bg-default", "-color-fg-muted"));
        assertEquals(List.of(FirstScreen.DARK.background(), FirstScreen.DARK.text()),
                themeColours("primer-dark.css", "-color-bg-default", "-color-fg-muted"));
    }

    /** What AtlantaFX's own stylesheet (the text form, which its jar carries next to the binary one) sets these to. */
    private static List<String> themeColours(String sheet, String... names) throws IOException {
        String css;
        try (var in = atlantafx.base.theme.PrimerLight.class.getResourceAsStream(sheet)) {
            assertNotNull(in, sheet + " is not in AtlantaFX's jar");
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> found = new java.util.ArrayList<>();
        for (String name : names) {
            var m = Pattern.compile(Pattern.quote(name) + ":\\s*([^;]+);").matcher(css);
            assertTrue(m.find(), name + " not in " + sheet);
            found.add(m.group(1).strip());
        }
        return found;
    }

    private static List<Path> files(String ending) throws IOException {
        try (Stream<Path> all = Files.walk(MAIN)) {
            return all.filter(p -> p.toString().endsWith(ending)).sorted().toList();
        }
    }
}
