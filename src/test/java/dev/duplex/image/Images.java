package dev.duplex.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Where the built image is, and how its programs run here without touching the user's files. */
final class Images {
    private Images() { }

    /** Maven's target/; failsafe sets {@code duplex.build.dir}. */
    static Path buildDir() {
        return Path.of(System.getProperty("duplex.build.dir", "target")).toAbsolutePath().normalize();
    }

    /** target/image, which {@code package} must have left: its absence fails, it never skips. */
    static Path image() {
        Path image = buildDir().resolve("image");
        assertTrue(Files.isDirectory(image), image + " is missing: these tests run after `package` (mvn verify)");
        return image;
    }

    /** target/image/bin/duplex. */
    static Path launcher() {
        Path launcher = image().resolve("bin").resolve("duplex");
        assertTrue(Files.isExecutable(launcher), launcher + " is missing or not executable");
        return launcher;
    }

    /**
     * The environment a program of the image runs in here: English, and settings and data in {@code home}
     * (passed as JVM options through the launcher's DUPLEX_JAVA_OPTIONS), so the user's own are never read
     * or written.
     */
    static Map<String, String> isolatedEnvironment(Path home) {
        String options = "-Duser.language=en -Duser.country=US"
                + " -Dduplex.config.dir=" + home.resolve("config")
                + " -Dduplex.data.dir=" + home.resolve("data");
        // The launcher splits DUPLEX_JAVA_OPTIONS on white space; JUnit's temporary folders have none.
        assertTrue(!options.contains("'") && home.toString().chars().noneMatch(Character::isWhitespace), home.toString());
        return Map.of("DUPLEX_JAVA_OPTIONS", options, "LANG", "C", "LC_ALL", "C",
                "XDG_CONFIG_HOME", home.resolve("xdg-config").toString(),
                "XDG_DATA_HOME", home.resolve("xdg-data").toString());
    }

    /**
     * A pattern for a whole line printed from a bundle text with one argument {0}, the argument as
     * {@code group}: the text is formatted as the program formats it, with a marker for the argument.
     */
    static Pattern linePattern(String bundleText, String group) {
        String marker = "\u0000";
        String line = new MessageFormat(bundleText, Locale.ENGLISH).format(new Object[] {marker});
        int at = line.indexOf(marker);
        assertTrue(at >= 0, "no {0} in '" + bundleText + "'");
        return Pattern.compile("^" + Pattern.quote(line.substring(0, at)) + group
                + Pattern.quote(line.substring(at + marker.length())) + "$");
    }
}
