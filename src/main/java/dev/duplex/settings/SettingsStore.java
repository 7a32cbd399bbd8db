package dev.duplex.settings;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

import dev.duplex.files.AtomicFiles;

/**
 * Reads and writes {@link Settings} as a properties file in the user's config directory. Writes go to a
 * temporary file that is then moved over the old one, so a crash mid-write never leaves half a file.
 * A file that cannot be read is moved aside (never deleted) and the defaults are used.
 */
public final class SettingsStore {
    public static final String FILE_NAME = "settings.properties";

    private final Path dir;

    public SettingsStore(Path dir) {
        this.dir = dir;
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    /**
     * What {@link #load()} found: the settings, and where a broken file was moved to (null when the
     * file was fine or absent).
     */
    public record Loaded(Settings settings, Path movedAside) { }

    public Loaded load() {
        Path file = file();
        if (!Files.exists(file)) return new Loaded(Settings.defaults(), null);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return new Loaded(fromProperties(p), null);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException covers a malformed unicode escape and NumberFormatException.
            return new Loaded(Settings.defaults(), AtomicFiles.moveAside(file));
        }
    }

    public void save(Settings s) throws IOException {
        Properties p = new Properties();
        p.setProperty("lastUrl", s.lastUrl());
        p.setProperty("port", Integer.toString(s.port()));
        p.setProperty("bindAddress", s.bindAddress());
        p.setProperty("path", s.path());
        p.setProperty("replyTemplate", s.replyTemplate());
        p.setProperty("sendOrigin", Boolean.toString(s.sendOrigin()));
        p.setProperty("origin", s.origin());
        p.setProperty("logCap", Integer.toString(s.logCap()));
        p.setProperty("language", s.language());
        p.setProperty("windowWidth", Double.toString(s.windowWidth()));
        p.setProperty("windowHeight", Double.toString(s.windowHeight()));
        p.setProperty("theme", s.theme().key());
        AtomicFiles.write(file(), out -> p.store(new OutputStreamWriter(out, StandardCharsets.UTF_8), "Duplex settings"));
    }

    /**
     * Builds settings field by field. A value that is present but unusable makes the whole file count
     * as broken (so the user hears of it), rather than silently mixing good and bad values.
     */
    static Settings fromProperties(Properties p) {
        Settings d = Settings.defaults();
        if (p.isEmpty()) throw new IllegalArgumentException("no settings in the file");
        int port = parse(p, "port", d.port(), Integer::parseInt);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port");
        int cap = parse(p, "logCap", d.logCap(), Integer::parseInt);
        if (cap < Settings.MIN_LOG_CAP || cap > Settings.MAX_LOG_CAP) throw new IllegalArgumentException("logCap");
        double w = parse(p, "windowWidth", d.windowWidth(), Double::parseDouble);
        double h = parse(p, "windowHeight", d.windowHeight(), Double::parseDouble);
        if (!(w >= 200 && w <= 20_000 && h >= 150 && h <= 20_000)) throw new IllegalArgumentException("window");
        String language = p.getProperty("language", d.language());
        if (!language.isEmpty() && !language.equals("en") && !language.equals("zh")) {
            throw new IllegalArgumentException("language");
        }
        String sendOrigin = p.getProperty("sendOrigin", Boolean.toString(d.sendOrigin()));
        if (!sendOrigin.equals("true") && !sendOrigin.equals("false")) throw new IllegalArgumentException("sendOrigin");
        return new Settings(
                p.getProperty("lastUrl", d.lastUrl()),
                port,
                p.getProperty("bindAddress", d.bindAddress()),
                p.getProperty("path", d.path()),
                p.getProperty("replyTemplate", d.replyTemplate()),
                Boolean.parseBoolean(sendOrigin),
                p.getProperty("origin", d.origin()),
                cap,
                language,
                w,
                h,
                // Unlike the other fields, an unknown theme is no fault of the file: it follows the system.
                ThemeChoice.kept(p.getProperty("theme")));
    }

    private static <T> T parse(Properties p, String key, T fallback, Function<String, T> parser) {
        String v = p.getProperty(key);
        return v == null ? fallback : parser.apply(v.strip());
    }

}
